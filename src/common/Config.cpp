#include "common/Config.h"

#include <charconv>
#include <fstream>
#include <sstream>

#include "common/Check.h"

namespace presto {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

} // namespace

PropertiesFile PropertiesFile::parse(std::string_view text, std::string source) {
  PropertiesFile result;
  result.source_ = std::move(source);
  int lineNumber = 0;
  while (!text.empty()) {
    auto newline = text.find('\n');
    auto line = trim(text.substr(0, newline));
    text = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
    ++lineNumber;
    if (line.empty() || line.front() == '#' || line.front() == '!') {
      continue;
    }
    auto equals = line.find('=');
    PRESTO_USER_CHECK(equals != std::string_view::npos, errors::CONFIGURATION_INVALID,
        "{}:{}: malformed property line '{}' (expected key=value)", result.source_, lineNumber, line);
    std::string key(trim(line.substr(0, equals)));
    std::string value(trim(line.substr(equals + 1)));
    PRESTO_USER_CHECK(!key.empty(), errors::CONFIGURATION_INVALID, "{}:{}: property without a name",
        result.source_, lineNumber);
    PRESTO_USER_CHECK(result.values_.emplace(key, std::move(value)).second, errors::CONFIGURATION_INVALID,
        "{}:{}: duplicate property '{}'", result.source_, lineNumber, key);
  }
  return result;
}

PropertiesFile PropertiesFile::load(const std::string& path) {
  std::ifstream in(path);
  PRESTO_USER_CHECK(in.good(), errors::CONFIGURATION_INVALID, "Cannot read configuration file {}", path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parse(buffer.str(), path);
}

std::optional<std::string> ConfigReader::getOptional(const std::string& key) {
  used_.insert(key);
  auto it = properties_.values().find(key);
  if (it == properties_.values().end()) {
    return std::nullopt;
  }
  return it->second;
}

std::string ConfigReader::getString(const std::string& key, const std::string& defaultValue) {
  return getOptional(key).value_or(defaultValue);
}

std::string ConfigReader::getRequired(const std::string& key) {
  auto value = getOptional(key);
  PRESTO_USER_CHECK(value.has_value(), errors::CONFIGURATION_INVALID, "{}: required property '{}' is missing",
      source(), key);
  return *value;
}

int64_t ConfigReader::getInt(const std::string& key, int64_t defaultValue) {
  auto value = getOptional(key);
  if (!value) {
    return defaultValue;
  }
  int64_t result = 0;
  auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), result);
  if (ec != std::errc() || end != value->data() + value->size()) {
    failInvalid(key, *value, "an integer");
  }
  return result;
}

double ConfigReader::getDouble(const std::string& key, double defaultValue) {
  auto value = getOptional(key);
  if (!value) {
    return defaultValue;
  }
  double result = 0;
  auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), result);
  if (ec != std::errc() || end != value->data() + value->size()) {
    failInvalid(key, *value, "a number");
  }
  return result;
}

bool ConfigReader::getBool(const std::string& key, bool defaultValue) {
  auto value = getOptional(key);
  if (!value) {
    return defaultValue;
  }
  if (*value == "true") {
    return true;
  }
  if (*value == "false") {
    return false;
  }
  failInvalid(key, *value, "true or false");
}

Duration ConfigReader::getDuration(const std::string& key, Duration defaultValue) {
  auto value = getOptional(key);
  if (!value) {
    return defaultValue;
  }
  try {
    return Duration::parse(*value);
  } catch (const PrestoException&) {
    failInvalid(key, *value, "a duration such as 1.5s");
  }
}

DataSize ConfigReader::getDataSize(const std::string& key, DataSize defaultValue) {
  auto value = getOptional(key);
  if (!value) {
    return defaultValue;
  }
  try {
    return DataSize::parse(*value);
  } catch (const PrestoException&) {
    failInvalid(key, *value, "a data size such as 16MB");
  }
}

void ConfigReader::acceptPrefix(const std::string& prefix) {
  acceptedPrefixes_.insert(prefix);
}

void ConfigReader::checkAllUsed() const {
  std::string unknown;
  for (const auto& [key, value] : properties_.values()) {
    if (used_.count(key)) {
      continue;
    }
    bool accepted = false;
    for (const auto& prefix : acceptedPrefixes_) {
      accepted = accepted || key.starts_with(prefix);
    }
    if (!accepted) {
      unknown += unknown.empty() ? key : ", " + key;
    }
  }
  PRESTO_USER_CHECK(unknown.empty(), errors::CONFIGURATION_INVALID, "{}: unknown configuration properties: {}",
      source(), unknown);
}

void ConfigReader::failInvalid(const std::string& key, const std::string& value, std::string_view type) const {
  PRESTO_USER_FAIL(errors::CONFIGURATION_INVALID, "{}: property '{}' has value '{}', expected {}", source(), key,
      value, type);
}

} // namespace presto
