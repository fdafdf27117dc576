#include <cmath>
#include <limits>

#include "server/protocol/ExpressionJson.h"
#include "type/Decimal.h"

namespace presto::server::planjson {
namespace {

Json floatingToJson(double value) {
  if (std::isnan(value)) {
    return "NaN";
  }
  if (std::isinf(value)) {
    return value > 0 ? "Infinity" : "-Infinity";
  }
  return value;
}

double floatingFromJson(const Json& json) {
  if (json.is_number()) {
    return json.get<double>();
  }
  if (json == "NaN") {
    return std::numeric_limits<double>::quiet_NaN();
  }
  if (json == "Infinity" || json == "-Infinity") {
    return json == "Infinity" ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity();
  }
  failMalformed("expected a floating point value, got " + json.dump());
}

std::string toHex(const std::string& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char byte : bytes) {
    hex += kDigits[byte >> 4];
    hex += kDigits[byte & 0xf];
  }
  return hex;
}

int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  failMalformed(std::string("bad hex digit '") + c + "' in a varbinary value");
}

std::string fromHex(const std::string& hex) {
  if (hex.size() % 2 != 0) {
    failMalformed("odd length hex varbinary value");
  }
  std::string bytes;
  for (size_t i = 0; i < hex.size(); i += 2) {
    bytes += static_cast<char>(hexDigit(hex[i]) * 16 + hexDigit(hex[i + 1]));
  }
  return bytes;
}

/// The unscaled integer of a decimal, at most 38 digits.
int128_t unscaledFromJson(const Json& json) {
  const auto& text = json.get_ref<const std::string&>();
  bool negative = !text.empty() && text[0] == '-';
  std::string_view digits = std::string_view(text).substr(negative ? 1 : 0);
  if (digits.empty() || digits.size() > static_cast<size_t>(DecimalType::kMaxPrecision)) {
    failMalformed("bad unscaled decimal '" + text + "'");
  }
  int128_t value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') {
      failMalformed("bad unscaled decimal '" + text + "'");
    }
    value = value * 10 + (c - '0');
  }
  return negative ? -value : value;
}

Value decimalFromJson(const Json& json, const DecimalType& type) {
  int128_t unscaled = unscaledFromJson(json);
  if (type.precision() > DecimalType::kMaxShortPrecision) {
    return Value(unscaled);
  }
  if (unscaled > std::numeric_limits<int64_t>::max() || unscaled < std::numeric_limits<int64_t>::min()) {
    failMalformed("unscaled value out of range of " + type.toString());
  }
  return Value(static_cast<int64_t>(unscaled));
}

std::vector<Value> elementsFromJson(const Json& json, const Type& elementType) {
  std::vector<Value> elements;
  for (const auto& element : requireArray(json, "array value")) {
    elements.push_back(constantValueFromJson(element, elementType));
  }
  return elements;
}

} // namespace

Json constantValueToJson(const Value& value, const Type& type) {
  if (value.isNull()) {
    return nullptr;
  }
  switch (type.kind()) {
    case TypeKind::kBoolean:
      return value.as<bool>();
    case TypeKind::kTinyint:
    case TypeKind::kSmallint:
    case TypeKind::kInteger:
    case TypeKind::kBigint:
    case TypeKind::kDate:
    case TypeKind::kTime:
    case TypeKind::kTimestamp:
    case TypeKind::kTimestampWithTimeZone:
    case TypeKind::kIntervalDayTime:
    case TypeKind::kIntervalYearMonth:
      return value.as<int64_t>();
    case TypeKind::kReal:
      return floatingToJson(value.as<float>());
    case TypeKind::kDouble:
      return floatingToJson(value.as<double>());
    case TypeKind::kDecimal:
      return int128ToString(value.holds<int128_t>() ? value.as<int128_t>() : value.as<int64_t>());
    case TypeKind::kVarchar:
    case TypeKind::kChar:
    case TypeKind::kJson:
      return value.as<std::string>();
    case TypeKind::kVarbinary:
      return toHex(value.as<std::string>());
    case TypeKind::kArray: {
      Json elements = Json::array();
      for (const auto& element : value.as<ArrayValue>().elements) {
        elements.push_back(constantValueToJson(element, *type.childAt(0)));
      }
      return elements;
    }
    case TypeKind::kMap: {
      const auto& map = value.as<MapValue>();
      Json entries = Json::array();
      for (size_t i = 0; i < map.keys.size(); ++i) {
        entries.push_back(Json::array(
            {constantValueToJson(map.keys[i], *type.childAt(0)), constantValueToJson(map.values.at(i), *type.childAt(1))}));
      }
      return entries;
    }
    case TypeKind::kRow: {
      const auto& fields = value.as<RowValue>().fields;
      Json encoded = Json::array();
      for (size_t i = 0; i < fields.size(); ++i) {
        encoded.push_back(constantValueToJson(fields[i], *type.childAt(i)));
      }
      return encoded;
    }
    case TypeKind::kUnknown:
      break;
  }
  throw PrestoException(errors::GENERIC_INTERNAL_ERROR, "non-null constant of type " + type.toString());
}

Value constantValueFromJson(const Json& json, const Type& type) {
  if (json.is_null()) {
    return Value();
  }
  switch (type.kind()) {
    case TypeKind::kBoolean:
      return Value(json.get<bool>());
    case TypeKind::kTinyint:
    case TypeKind::kSmallint:
    case TypeKind::kInteger:
    case TypeKind::kBigint:
    case TypeKind::kDate:
    case TypeKind::kTime:
    case TypeKind::kTimestamp:
    case TypeKind::kTimestampWithTimeZone:
    case TypeKind::kIntervalDayTime:
    case TypeKind::kIntervalYearMonth:
      if (!json.is_number_integer()) {
        failMalformed("expected an integer " + type.toString() + " value, got " + json.dump());
      }
      return Value(json.get<int64_t>());
    case TypeKind::kReal:
      return Value(static_cast<float>(floatingFromJson(json)));
    case TypeKind::kDouble:
      return Value(floatingFromJson(json));
    case TypeKind::kDecimal:
      return decimalFromJson(json, asDecimal(type));
    case TypeKind::kVarchar:
    case TypeKind::kChar:
    case TypeKind::kJson:
      return Value(json.get<std::string>());
    case TypeKind::kVarbinary:
      return Value(fromHex(json.get<std::string>()));
    case TypeKind::kArray:
      return Value::array(elementsFromJson(json, *type.childAt(0)));
    case TypeKind::kMap: {
      MapValue map;
      for (const auto& entry : requireArray(json, "map value")) {
        if (requireArray(entry, "map entry").size() != 2) {
          failMalformed("a map entry must be a [key, value] pair, got " + entry.dump());
        }
        map.keys.push_back(constantValueFromJson(entry[0], *type.childAt(0)));
        map.values.push_back(constantValueFromJson(entry[1], *type.childAt(1)));
      }
      return Value(std::move(map));
    }
    case TypeKind::kRow: {
      const auto& fields = requireArray(json, "row value");
      if (fields.size() != type.children().size()) {
        failMalformed("a " + type.toString() + " value needs " + std::to_string(type.children().size()) + " fields");
      }
      RowValue row;
      for (size_t i = 0; i < fields.size(); ++i) {
        row.fields.push_back(constantValueFromJson(fields[i], *type.childAt(i)));
      }
      return Value(std::move(row));
    }
    case TypeKind::kUnknown:
      break;
  }
  failMalformed("non-null value " + json.dump() + " of type " + type.toString());
}

} // namespace presto::server::planjson
