#pragma once

// Typed reading of the fields of JSON messages received from other nodes (task updates, task
// status); includes nlohmann-json, so only the .cpp files of those messages include it.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace presto::server {

/// Reads the fields of one JSON object of a message, naming where it is (`sources[1].splits[0]`)
/// in every failure: GENERIC_INTERNAL_ERROR `Malformed <message>: <path>: <problem>`. Never trusts
/// the input: missing fields, wrong JSON types and out-of-range numbers all fail that way.
class JsonFields {
 public:
  using Json = nlohmann::json;

  /// Parses `text` as the JSON object of `message` ("task update").
  static Json parse(std::string_view text, std::string_view message);

  /// REQUIRES: `json` outlives the reader. Fails unless `json` is an object.
  JsonFields(const Json& json, std::string_view message, std::string path = "");

  /// The object read.
  const Json& json() const { return json_; }
  /// Whether the field is present and not null.
  bool has(std::string_view key) const;
  /// The field, which must be present (null counts as absent).
  const Json& required(std::string_view key) const;

  std::string string(std::string_view key) const;
  std::optional<std::string> optionalString(std::string_view key) const;
  int64_t integer(std::string_view key) const;
  /// An integer field, `fallback` when absent.
  int64_t integer(std::string_view key, int64_t fallback) const;
  bool boolean(std::string_view key, bool fallback) const;
  /// A field that must be an object.
  JsonFields object(std::string_view key) const;
  /// The elements of an array field (absent: none), each an object.
  std::vector<JsonFields> objects(std::string_view key) const;
  /// An object of string values (absent: empty).
  std::map<std::string, std::string> stringMap(std::string_view key) const;

  [[noreturn]] void fail(std::string_view problem) const;

 private:
  [[noreturn]] void failField(std::string_view key, std::string_view problem) const;
  std::string pathOf(std::string_view key) const;

  const Json& json_;
  std::string message_;
  std::string path_;
};

} // namespace presto::server
