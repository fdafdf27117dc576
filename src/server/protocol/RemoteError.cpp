#include "server/protocol/RemoteError.h"

#include <mutex>
#include <set>
#include <string>

namespace presto::server {
namespace {

/// A copy of `name` that lives as long as the process, as ErrorCode names must. Error names are
/// few, so the set stays small.
std::string_view internErrorName(std::string_view name) {
  static std::mutex mutex;
  static std::set<std::string, std::less<>> names;
  std::lock_guard lock(mutex);
  auto it = names.find(name);
  if (it == names.end()) {
    it = names.emplace(name).first;
  }
  return *it;
}

std::optional<ErrorType> parseErrorType(std::string_view name) {
  for (auto type : {ErrorType::kUserError, ErrorType::kInternalError, ErrorType::kInsufficientResources,
           ErrorType::kExternal}) {
    if (errorTypeName(type) == name) {
      return type;
    }
  }
  return std::nullopt;
}

} // namespace

std::optional<ErrorCode> remoteErrorCode(int32_t code, std::string_view name, std::string_view typeName) {
  auto type = parseErrorType(typeName);
  if (name.empty() || !type) {
    return std::nullopt;
  }
  return ErrorCode{internErrorName(name), code, *type};
}

} // namespace presto::server
