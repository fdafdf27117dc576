#include "server/protocol/JsonFields.h"

#include <fmt/format.h>

#include "common/PrestoException.h"

namespace presto::server {

JsonFields::Json JsonFields::parse(std::string_view text, std::string_view message) {
  auto json = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) {
    throw PrestoException(errors::GENERIC_INTERNAL_ERROR, fmt::format("Malformed {}: not JSON", message));
  }
  return json;
}

JsonFields::JsonFields(const Json& json, std::string_view message, std::string path)
    : json_(json), message_(message), path_(std::move(path)) {
  if (!json_.is_object()) {
    fail("must be an object");
  }
}

bool JsonFields::has(std::string_view key) const {
  auto it = json_.find(key);
  return it != json_.end() && !it->is_null();
}

const JsonFields::Json& JsonFields::required(std::string_view key) const {
  auto it = json_.find(key);
  if (it == json_.end() || it->is_null()) {
    failField(key, "is missing");
  }
  return *it;
}

std::string JsonFields::string(std::string_view key) const {
  const auto& value = required(key);
  if (!value.is_string()) {
    failField(key, "must be a string");
  }
  return value.get<std::string>();
}

std::optional<std::string> JsonFields::optionalString(std::string_view key) const {
  return has(key) ? std::optional<std::string>(string(key)) : std::nullopt;
}

int64_t JsonFields::integer(std::string_view key) const {
  const auto& value = required(key);
  if (!value.is_number_integer() || (value.is_number_unsigned() && value.get<uint64_t>() > INT64_MAX)) {
    failField(key, "must be an integer");
  }
  return value.get<int64_t>();
}

int64_t JsonFields::integer(std::string_view key, int64_t fallback) const {
  return has(key) ? integer(key) : fallback;
}

bool JsonFields::boolean(std::string_view key, bool fallback) const {
  if (!has(key)) {
    return fallback;
  }
  const auto& value = required(key);
  if (!value.is_boolean()) {
    failField(key, "must be true or false");
  }
  return value.get<bool>();
}

JsonFields JsonFields::object(std::string_view key) const {
  return JsonFields(required(key), message_, pathOf(key));
}

std::vector<JsonFields> JsonFields::objects(std::string_view key) const {
  std::vector<JsonFields> result;
  if (!has(key)) {
    return result;
  }
  const auto& array = required(key);
  if (!array.is_array()) {
    failField(key, "must be an array");
  }
  for (size_t i = 0; i < array.size(); ++i) {
    result.emplace_back(array[i], message_, fmt::format("{}[{}]", pathOf(key), i));
  }
  return result;
}

std::map<std::string, std::string> JsonFields::stringMap(std::string_view key) const {
  std::map<std::string, std::string> result;
  if (!has(key)) {
    return result;
  }
  auto fields = object(key);
  for (const auto& item : fields.json_.items()) {
    result.emplace(item.key(), fields.string(item.key()));
  }
  return result;
}

void JsonFields::fail(std::string_view problem) const {
  throw PrestoException(errors::GENERIC_INTERNAL_ERROR,
      fmt::format("Malformed {}: {} {}", message_, path_.empty() ? "document" : path_, problem));
}

void JsonFields::failField(std::string_view key, std::string_view problem) const {
  throw PrestoException(errors::GENERIC_INTERNAL_ERROR, fmt::format("Malformed {}: {} {}", message_, pathOf(key), problem));
}

std::string JsonFields::pathOf(std::string_view key) const {
  return path_.empty() ? std::string(key) : fmt::format("{}.{}", path_, key);
}

} // namespace presto::server
