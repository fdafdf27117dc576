#include "sql/metadata/Session.h"

#include "common/Check.h"

namespace presto::sql {

std::optional<std::string> Session::property(const std::string& name) const {
  auto it = properties_.find(name);
  if (it == properties_.end()) {
    return std::nullopt;
  }
  return it->second;
}

const std::string& Session::preparedStatement(const std::string& name) const {
  auto it = preparedStatements_.find(name);
  PRESTO_USER_CHECK(it != preparedStatements_.end(), errors::NOT_FOUND, "Prepared statement not found: {}", name);
  return it->second;
}

} // namespace presto::sql
