#include "server/protocol/PlanJsonEncoding.h"

namespace presto::server::planjson {

void failMalformed(const std::string& message) {
  throw PrestoException(errors::GENERIC_INTERNAL_ERROR, "Malformed plan fragment JSON: " + message);
}

const Json& requireField(const Json& object, std::string_view key) {
  if (!object.is_object()) {
    failMalformed("expected an object with '" + std::string(key) + "', got " + std::string(object.type_name()));
  }
  auto it = object.find(key);
  if (it == object.end()) {
    failMalformed("missing field '" + std::string(key) + "'");
  }
  return *it;
}

const Json::array_t& requireArray(const Json& json, std::string_view what) {
  if (!json.is_array()) {
    failMalformed("'" + std::string(what) + "' must be an array, got " + std::string(json.type_name()));
  }
  return json.get_ref<const Json::array_t&>();
}

} // namespace presto::server::planjson
