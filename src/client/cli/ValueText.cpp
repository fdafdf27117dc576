#include <charconv>
#include <cmath>

#include <nlohmann/json.hpp>

#include "client/cli/OutputFormat.h"
#include "type/TypeSignature.h"

namespace presto::cli {
namespace {

std::string decodeBase64(const std::string& text) {
  static const std::string kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string result;
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    auto position = kAlphabet.find(c);
    if (position == std::string::npos) {
      continue;  // padding and line breaks
    }
    buffer = (buffer << 6) | static_cast<uint32_t>(position);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      result += static_cast<char>((buffer >> bits) & 0xff);
    }
  }
  return result;
}

// Hex bytes, 16 to a line, as the CLI prints varbinary.
std::string hexLines(const std::string& bytes) {
  static const char* kDigits = "0123456789abcdef";
  std::string result;
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (i > 0) {
      result += i % 16 == 0 ? '\n' : ' ';
    }
    auto byte = static_cast<unsigned char>(bytes[i]);
    result += kDigits[byte >> 4];
    result += kDigits[byte & 0xf];
  }
  return result;
}

std::string formatNested(const nlohmann::json& value, const Type& type);

std::string formatTyped(const nlohmann::json& value, const Type& type) {
  if (value.is_null()) {
    return "NULL";
  }
  if (type.kind() == TypeKind::kVarbinary && value.is_string()) {
    return hexLines(decodeBase64(value.get<std::string>()));
  }
  if (!type.isPrimitive()) {
    return formatNested(value, type);
  }
  if (value.is_string()) {
    return value.get<std::string>();
  }
  if (value.is_boolean()) {
    return value.get<bool>() ? "true" : "false";
  }
  if (value.is_number_float()) {
    return javaDoubleToString(value.get<double>());
  }
  if (value.is_number_unsigned()) {
    return std::to_string(value.get<uint64_t>());
  }
  if (value.is_number_integer()) {
    return std::to_string(value.get<int64_t>());
  }
  return value.dump();
}

std::string formatNested(const nlohmann::json& value, const Type& type) {
  std::string result;
  switch (type.kind()) {
    case TypeKind::kArray:
      for (const auto& element : value) {
        result += (result.empty() ? "" : ", ") + formatTyped(element, *type.childAt(0));
      }
      return "[" + result + "]";
    case TypeKind::kMap:
      for (const auto& [key, entry] : value.items()) {
        result += (result.empty() ? "" : ", ") + key + "=" + formatTyped(entry, *type.childAt(1));
      }
      return "{" + result + "}";
    case TypeKind::kRow: {
      const auto& row = asRow(type);
      for (size_t i = 0; i < value.size() && i < row.size(); ++i) {
        auto name = row.nameOf(i).empty() ? "field" + std::to_string(i) : row.nameOf(i);
        result += (i ? ", " : "") + name + "=" + formatTyped(value[i], *row.childAt(i));
      }
      return "{" + result + "}";
    }
    default:
      return value.dump();
  }
}

} // namespace

std::string formatValue(const nlohmann::json& value, const std::string& type) {
  return formatTyped(value, *parseTypeSignature(type));
}

std::string javaDoubleToString(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  if (value == 0) return std::signbit(value) ? "-0.0" : "0.0";
  // Shortest round-trip digits in scientific form: d.ddde±x.
  char buffer[64];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof(buffer), std::fabs(value), std::chars_format::scientific);
  std::string scientific(buffer, end);
  auto exponentAt = scientific.find('e');
  std::string digits = scientific.substr(0, 1) + (exponentAt > 2 ? scientific.substr(2, exponentAt - 2) : "");
  int exponent = std::stoi(scientific.substr(exponentAt + 1));
  std::string sign = value < 0 ? "-" : "";
  double magnitude = std::fabs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    std::string integerPart;
    std::string fraction;
    if (exponent >= 0) {
      digits.resize(std::max<size_t>(digits.size(), static_cast<size_t>(exponent) + 1), '0');
      integerPart = digits.substr(0, static_cast<size_t>(exponent) + 1);
      fraction = digits.substr(static_cast<size_t>(exponent) + 1);
    } else {
      integerPart = "0";
      fraction = std::string(static_cast<size_t>(-exponent - 1), '0') + digits;
    }
    return sign + integerPart + "." + (fraction.empty() ? "0" : fraction);
  }
  std::string mantissa = digits.substr(0, 1) + "." + (digits.size() > 1 ? digits.substr(1) : "0");
  return sign + mantissa + "E" + std::to_string(exponent);
}

} // namespace presto::cli
