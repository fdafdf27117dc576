#pragma once

#include <string>

namespace presto::sql {

/// A fully qualified table or view name: `catalog.schema.object`.
struct QualifiedObjectName {
  std::string catalog;
  std::string schema;
  std::string object;

  std::string toString() const { return catalog + "." + schema + "." + object; }
  auto operator<=>(const QualifiedObjectName&) const = default;
};

} // namespace presto::sql
