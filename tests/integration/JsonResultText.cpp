#include "JsonResultText.h"

#include <array>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "ResultText.h"

namespace presto::integration {
namespace {

using nlohmann::json;

/// Doubles and reals are JSON numbers, except NaN and the infinities, which are strings.
double floatingOf(const json& value) {
  if (value.is_number()) {
    return value.get<double>();
  }
  const std::string& text = value.get_ref<const std::string&>();
  if (text == "NaN") {
    return std::numeric_limits<double>::quiet_NaN();
  }
  if (text == "Infinity" || text == "-Infinity") {
    return text[0] == '-' ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  }
  throw std::runtime_error("not a floating point value: " + value.dump());
}

std::string decodeBase64(const std::string& text) {
  std::array<int, 256> digits;
  digits.fill(-1);
  constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (size_t i = 0; i < kAlphabet.size(); ++i) {
    digits[static_cast<unsigned char>(kAlphabet[i])] = static_cast<int>(i);
  }
  std::string bytes;
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    if (c == '=') {
      break;
    }
    int digit = digits[static_cast<unsigned char>(c)];
    if (digit < 0) {
      throw std::runtime_error("invalid base64 '" + text + "'");
    }
    buffer = (buffer << 6) | static_cast<uint32_t>(digit);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes += static_cast<char>((buffer >> bits) & 0xff);
    }
  }
  return bytes;
}

std::string hexBytes(const std::string& bytes) {
  std::string hex;
  for (unsigned char c : bytes) {
    hex += fmt::format("{}{:02x}", hex.empty() ? "" : " ", c);
  }
  return hex;
}

/// `Y-M` (`-1-2` when negative) as the number of months, which is what the engine prints.
std::string monthsOf(const std::string& text) {
  bool negative = !text.empty() && text[0] == '-';
  size_t dash = text.find('-', negative ? 1 : 0);
  if (dash == std::string::npos) {
    throw std::runtime_error("not an interval year to month: " + text);
  }
  int64_t months = std::stoll(text.substr(negative ? 1 : 0, dash)) * 12 + std::stoll(text.substr(dash + 1));
  return std::to_string(negative ? -months : months);
}

/// A map key arrives as a JSON member name: strings as they are, other types as the text of their
/// JSON encoding (`1`, `true`, `2.5`).
json mapKeyOf(const Type& keyType, const std::string& name) {
  switch (keyType.kind()) {
    case TypeKind::kBoolean:
    case TypeKind::kTinyint:
    case TypeKind::kSmallint:
    case TypeKind::kInteger:
    case TypeKind::kBigint:
    case TypeKind::kReal:
    case TypeKind::kDouble:
    case TypeKind::kArray:
    case TypeKind::kMap:
    case TypeKind::kRow:
      return json::parse(name);
    default:
      return name;
  }
}

std::string renderNested(const Type& type, const json& value) {
  if (value.is_null()) {
    return "NULL";
  }
  switch (type.kind()) {
    case TypeKind::kBoolean:
      return value.get<bool>() ? "true" : "false";
    case TypeKind::kTinyint:
    case TypeKind::kSmallint:
    case TypeKind::kInteger:
    case TypeKind::kBigint:
      return std::to_string(value.get<int64_t>());
    case TypeKind::kReal:
      return sql::logic::renderReal(static_cast<float>(floatingOf(value)));
    case TypeKind::kDouble:
      return sql::logic::renderDouble(floatingOf(value));
    case TypeKind::kVarbinary:
      return hexBytes(decodeBase64(value.get<std::string>()));
    case TypeKind::kIntervalYearMonth:
      return monthsOf(value.get<std::string>());
    case TypeKind::kArray: {
      std::string text = "[";
      for (size_t i = 0; i < value.size(); ++i) {
        text += (i ? ", " : "") + renderNested(*type.childAt(0), value.at(i));
      }
      return text + "]";
    }
    case TypeKind::kMap: {
      std::string text = "{";
      bool first = true;
      for (const auto& [name, entry] : value.items()) {
        text += (first ? "" : ", ") + renderNested(*type.childAt(0), mapKeyOf(*type.childAt(0), name)) + "=" +
            renderNested(*type.childAt(1), entry);
        first = false;
      }
      return text + "}";
    }
    case TypeKind::kRow: {
      std::string text = "{";
      const auto& rowType = asRow(type);
      for (size_t i = 0; i < value.size(); ++i) {
        std::string name = rowType.nameOf(i).empty() ? fmt::format("field{}", i) : rowType.nameOf(i);
        text += (i ? ", " : "") + name + "=" + renderNested(*type.childAt(i), value.at(i));
      }
      return text + "}";
    }
    case TypeKind::kUnknown:
      return "NULL";
    default:
      // Decimals, strings, json, date, time, timestamps and interval day to second arrive as the
      // text the engine prints.
      if (!value.is_string()) {
        throw std::runtime_error(fmt::format("a {} value should arrive as a string: {}", type.toString(), value.dump()));
      }
      return value.get<std::string>();
  }
}

} // namespace

std::string renderJsonValue(const Type& type, const json& value) {
  std::string text = renderNested(type, value);
  return text.empty() ? "(empty)" : text;
}

std::string renderJsonRow(const std::vector<TypePtr>& types, const json& row) {
  if (!row.is_array() || row.size() != types.size()) {
    throw std::runtime_error(fmt::format("a row of {} columns arrived as {}", types.size(), row.dump()));
  }
  std::string line;
  for (size_t column = 0; column < types.size(); ++column) {
    line += (column ? "|" : "") + renderJsonValue(*types[column], row[column]);
  }
  return line;
}

} // namespace presto::integration
