#include <nlohmann/json.hpp>

#include "function/BuiltinFunctions.h"
#include "function/SimpleFunction.h"

namespace presto {
namespace {

using Json = nlohmann::json;

FunctionMetadata describe(std::string description) {
  return {FunctionKind::kScalar, true, std::move(description), false};
}

std::optional<Json> parseJson(std::string_view text) {
  auto parsed = Json::parse(text.begin(), text.end(), nullptr, false);
  if (parsed.is_discarded()) return std::nullopt;
  return parsed;
}

/// A JSONPath subset: `$`, `.name`, `["name"]`, `[index]`; nullopt when malformed.
std::optional<std::vector<std::variant<std::string, int64_t>>> parsePath(std::string_view path) {
  std::vector<std::variant<std::string, int64_t>> steps;
  size_t i = 0;
  while (i < path.size() && std::isspace(static_cast<unsigned char>(path[i]))) ++i;
  if (i >= path.size() || path[i] != '$') return std::nullopt;
  ++i;
  while (i < path.size()) {
    if (path[i] == '.') {
      size_t start = ++i;
      while (i < path.size() && path[i] != '.' && path[i] != '[') ++i;
      if (i == start) return std::nullopt;
      steps.emplace_back(std::string(path.substr(start, i - start)));
    } else if (path[i] == '[') {
      ++i;
      if (i < path.size() && (path[i] == '"' || path[i] == '\'')) {
        char quote = path[i++];
        size_t start = i;
        while (i < path.size() && path[i] != quote) ++i;
        if (i >= path.size()) return std::nullopt;
        steps.emplace_back(std::string(path.substr(start, i - start)));
        ++i;
      } else {
        size_t start = i;
        while (i < path.size() && std::isdigit(static_cast<unsigned char>(path[i]))) ++i;
        if (i == start) return std::nullopt;
        steps.emplace_back(static_cast<int64_t>(std::stoll(std::string(path.substr(start, i - start)))));
      }
      if (i >= path.size() || path[i] != ']') return std::nullopt;
      ++i;
    } else {
      return std::nullopt;
    }
  }
  return steps;
}

/// Follows `path` in `document`; nullptr when a step does not exist.
const Json* follow(const Json& document, const std::vector<std::variant<std::string, int64_t>>& steps) {
  const Json* current = &document;
  for (const auto& step : steps) {
    if (const auto* key = std::get_if<std::string>(&step)) {
      if (!current->is_object()) return nullptr;
      auto it = current->find(*key);
      if (it == current->end()) return nullptr;
      current = &*it;
    } else {
      auto index = std::get<int64_t>(step);
      if (!current->is_array() || index < 0 || static_cast<size_t>(index) >= current->size()) return nullptr;
      current = &(*current)[static_cast<size_t>(index)];
    }
  }
  return current;
}

CallStatus invalidPath(std::string_view path) {
  return CallStatus::error(errors::INVALID_FUNCTION_ARGUMENT, fmt::format("Invalid JSON path: '{}'", path));
}

struct JsonParseFunction {
  CallStatus call(std::string& out, StringView text) const {
    auto parsed = parseJson(text.view());
    if (!parsed) {
      return CallStatus::error(errors::INVALID_FUNCTION_ARGUMENT, fmt::format("Cannot convert '{}' to JSON", text.view()));
    }
    out = parsed->dump();
    return CallStatus::value();
  }
};

struct JsonFormatFunction {
  static constexpr bool kReturnsInputSlice = true;
  void call(StringView& out, StringView json) const { out = json; }
};

struct JsonExtractFunction {
  CallStatus call(std::string& out, StringView json, StringView path) const {
    auto steps = parsePath(path.view());
    if (!steps) return invalidPath(path.view());
    auto document = parseJson(json.view());
    if (!document) return CallStatus::null();
    const Json* found = follow(*document, *steps);
    if (!found) return CallStatus::null();
    out = found->dump();
    return CallStatus::value();
  }
};

struct JsonExtractScalarFunction {
  CallStatus call(std::string& out, StringView json, StringView path) const {
    auto steps = parsePath(path.view());
    if (!steps) return invalidPath(path.view());
    auto document = parseJson(json.view());
    if (!document) return CallStatus::null();
    const Json* found = follow(*document, *steps);
    if (!found || found->is_structured() || found->is_null()) return CallStatus::null();
    out = found->is_string() ? found->get<std::string>() : found->dump();
    return CallStatus::value();
  }
};

struct JsonArrayLengthFunction {
  bool call(int64_t& out, StringView json) const {
    auto document = parseJson(json.view());
    if (!document || !document->is_array()) return false;
    out = static_cast<int64_t>(document->size());
    return true;
  }
};

struct JsonSizeFunction {
  CallStatus call(int64_t& out, StringView json, StringView path) const {
    auto steps = parsePath(path.view());
    if (!steps) return invalidPath(path.view());
    auto document = parseJson(json.view());
    if (!document) return CallStatus::null();
    const Json* found = follow(*document, *steps);
    if (!found) return CallStatus::null();
    out = found->is_structured() ? static_cast<int64_t>(found->size()) : 0;
    return CallStatus::value();
  }
};

struct IsJsonScalarFunction {
  CallStatus call(bool& out, StringView json) const {
    auto document = parseJson(json.view());
    if (!document) return CallStatus::error(errors::INVALID_FUNCTION_ARGUMENT, fmt::format("Invalid JSON value: {}", json.view()));
    out = !document->is_structured();
    return CallStatus::value();
  }
};

struct JsonArrayContainsFunction {
  template <typename T>
  bool call(bool& out, StringView json, T value) const {
    auto document = parseJson(json.view());
    if (!document || !document->is_array()) return false;
    out = false;
    for (const auto& element : *document) {
      if constexpr (std::is_same_v<T, StringView>) {
        if (element.is_string() && element.get<std::string>() == value.view()) out = true;
      } else if constexpr (std::is_same_v<T, bool>) {
        if (element.is_boolean() && element.get<bool>() == value) out = true;
      } else if constexpr (std::is_same_v<T, int64_t>) {
        if (element.is_number_integer() && element.get<int64_t>() == value) out = true;
      } else {
        if (element.is_number() && element.get<double>() == value) out = true;
      }
    }
    return true;
  }
};

} // namespace

void registerJsonFunctions(FunctionRegistry& registry) {
  registerSimple<JsonParseFunction, StringView, StringView>(registry, "json_parse", {"varchar"}, "json", describe("parse text into JSON"));
  registerSimple<JsonFormatFunction, StringView, StringView>(registry, "json_format", {"json"}, "varchar", describe("JSON as text"));
  for (const std::string type : {"json", "varchar"}) {
    registerSimple<JsonExtractFunction, StringView, StringView, StringView>(registry, "json_extract", {type, "varchar"}, "json", describe("value at a JSONPath"));
    registerSimple<JsonExtractScalarFunction, StringView, StringView, StringView>(registry, "json_extract_scalar", {type, "varchar"}, "varchar", describe("scalar at a JSONPath, as text"));
    registerSimple<JsonArrayLengthFunction, int64_t, StringView>(registry, "json_array_length", {type}, "bigint", describe("length of a JSON array"));
    registerSimple<JsonSizeFunction, int64_t, StringView, StringView>(registry, "json_size", {type, "varchar"}, "bigint", describe("size of the object or array at a JSONPath"));
    registerSimple<IsJsonScalarFunction, bool, StringView>(registry, "is_json_scalar", {type}, "boolean", describe("whether the JSON value is a scalar"));
    registerSimple<JsonArrayContainsFunction, bool, StringView, bool>(registry, "json_array_contains", {type, "boolean"}, "boolean", describe("whether a JSON array holds the value"));
    registerSimple<JsonArrayContainsFunction, bool, StringView, int64_t>(registry, "json_array_contains", {type, "bigint"}, "boolean", describe("whether a JSON array holds the value"));
    registerSimple<JsonArrayContainsFunction, bool, StringView, double>(registry, "json_array_contains", {type, "double"}, "boolean", describe("whether a JSON array holds the value"));
    registerSimple<JsonArrayContainsFunction, bool, StringView, StringView>(registry, "json_array_contains", {type, "varchar"}, "boolean", describe("whether a JSON array holds the value"));
  }
}

} // namespace presto
