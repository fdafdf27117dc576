#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "common/Duration.h"

namespace presto {

/// The raw `key=value` pairs of one properties file, as Presto's `etc/*.properties` files hold them.
/// Parsing is strict: a line without `=`, an empty key or a key given twice is an error
/// (CONFIGURATION_INVALID) naming the file and line. `#` and `!` start comment lines.
class PropertiesFile {
 public:
  /// Parses properties text; `source` names it in error messages.
  static PropertiesFile parse(std::string_view text, std::string source);
  /// Reads and parses a file; a missing file is CONFIGURATION_INVALID.
  static PropertiesFile load(const std::string& path);

  const std::map<std::string, std::string>& values() const { return values_; }
  const std::string& source() const { return source_; }

 private:
  std::map<std::string, std::string> values_;
  std::string source_;
};

/// Typed, tracked access to a properties file. Every getter marks its key as known; after a
/// configuration object has read everything it understands, `checkAllUsed()` fails loudly on
/// anything left over (a misspelt property must never be silently ignored). Values that do not
/// parse as the requested type are CONFIGURATION_INVALID.
class ConfigReader {
 public:
  explicit ConfigReader(PropertiesFile properties) : properties_(std::move(properties)) {}

  std::optional<std::string> getOptional(const std::string& key);
  std::string getString(const std::string& key, const std::string& defaultValue);
  /// REQUIRES: the key is present; otherwise CONFIGURATION_INVALID.
  std::string getRequired(const std::string& key);
  int64_t getInt(const std::string& key, int64_t defaultValue);
  double getDouble(const std::string& key, double defaultValue);
  bool getBool(const std::string& key, bool defaultValue);
  Duration getDuration(const std::string& key, Duration defaultValue);
  DataSize getDataSize(const std::string& key, DataSize defaultValue);

  /// Marks every key starting with `prefix` as known (for pass-through groups such as `log.`).
  void acceptPrefix(const std::string& prefix);

  /// Throws CONFIGURATION_INVALID listing every property no getter asked for.
  void checkAllUsed() const;

  const std::string& source() const { return properties_.source(); }

 private:
  [[noreturn]] void failInvalid(const std::string& key, const std::string& value, std::string_view type) const;

  PropertiesFile properties_;
  std::set<std::string> used_;
  std::set<std::string> acceptedPrefixes_;
};

} // namespace presto
