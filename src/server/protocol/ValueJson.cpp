#include "server/protocol/ValueJson.h"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "type/DateTime.h"
#include "type/Decimal.h"
#include "vector/VectorValues.h"

namespace presto::server {
namespace {

using nlohmann::json;

json floatingToJson(double value) {
  if (std::isnan(value)) {
    return "NaN";
  }
  if (std::isinf(value)) {
    return value > 0 ? "Infinity" : "-Infinity";
  }
  return value;
}

std::string intervalDayTimeText(int64_t millis) {
  std::string sign = millis < 0 ? "-" : "";
  uint64_t magnitude = millis < 0 ? -static_cast<uint64_t>(millis) : static_cast<uint64_t>(millis);
  return fmt::format("{}{} {}", sign, magnitude / kMillisPerDay, formatTime(static_cast<int64_t>(magnitude % kMillisPerDay)));
}

std::string intervalYearMonthText(int64_t months) {
  std::string sign = months < 0 ? "-" : "";
  uint64_t magnitude = months < 0 ? -static_cast<uint64_t>(months) : static_cast<uint64_t>(months);
  return fmt::format("{}{}-{}", sign, magnitude / 12, magnitude % 12);
}

/// Map keys become JSON object member names: strings as they are, everything else as the text of
/// its JSON encoding ("1", "true", "12.50").
std::string mapKeyText(const Value& key, const Type& type) {
  json encoded = valueToJson(key, type);
  return encoded.is_string() ? encoded.get<std::string>() : encoded.dump();
}

} // namespace

json valueToJson(const Value& value, const Type& type) {
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
      return value.as<int64_t>();
    case TypeKind::kReal: {
      // Through the shortest decimal text of the float, so 1.1f is written 1.1 and not 1.100000023841858.
      float real = value.as<float>();
      if (!std::isfinite(real)) {
        return floatingToJson(real);
      }
      return std::stod(fmt::format("{}", real));
    }
    case TypeKind::kDouble:
      return floatingToJson(value.as<double>());
    case TypeKind::kDecimal:
      return formatDecimal(value.holds<int128_t>() ? value.as<int128_t>() : value.as<int64_t>(), asDecimal(type).scale());
    case TypeKind::kVarchar:
    case TypeKind::kChar:
    case TypeKind::kJson:
      return value.as<std::string>();
    case TypeKind::kVarbinary:
      return encodeBase64(value.as<std::string>());
    case TypeKind::kDate:
      return formatDate(static_cast<int32_t>(value.as<int64_t>()));
    case TypeKind::kTime:
      return formatTime(value.as<int64_t>());
    case TypeKind::kTimestamp:
      return formatTimestamp(value.as<int64_t>());
    case TypeKind::kTimestampWithTimeZone:
      // Zone keys other than UTC are not modelled yet; every value is shown in UTC.
      return formatTimestamp(value.as<int64_t>() >> 12) + " UTC";
    case TypeKind::kIntervalDayTime:
      return intervalDayTimeText(value.as<int64_t>());
    case TypeKind::kIntervalYearMonth:
      return intervalYearMonthText(value.as<int64_t>());
    case TypeKind::kArray: {
      json result = json::array();
      for (const auto& element : value.as<ArrayValue>().elements) {
        result.push_back(valueToJson(element, *type.childAt(0)));
      }
      return result;
    }
    case TypeKind::kMap: {
      json result = json::object();
      const auto& map = value.as<MapValue>();
      for (size_t i = 0; i < map.keys.size(); ++i) {
        result[mapKeyText(map.keys[i], *type.childAt(0))] = valueToJson(map.values[i], *type.childAt(1));
      }
      return result;
    }
    case TypeKind::kRow: {
      json result = json::array();
      const auto& fields = value.as<RowValue>().fields;
      for (size_t i = 0; i < fields.size(); ++i) {
        result.push_back(valueToJson(fields[i], *type.childAt(i)));
      }
      return result;
    }
    case TypeKind::kUnknown:
      return nullptr;
  }
  return nullptr;
}

void appendPageRows(const Page& page, json& rows) {
  for (vector_size_t row = 0; row < page.numRows(); ++row) {
    json values = json::array();
    for (const auto& column : page.columns()) {
      values.push_back(valueToJson(valueAt(*column, row), *column->type()));
    }
    rows.push_back(std::move(values));
  }
}

std::string encodeBase64(std::string_view bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    uint32_t triple = (static_cast<uint8_t>(bytes[i]) << 16) | (static_cast<uint8_t>(bytes[i + 1]) << 8) |
        static_cast<uint8_t>(bytes[i + 2]);
    out += kAlphabet[(triple >> 18) & 63];
    out += kAlphabet[(triple >> 12) & 63];
    out += kAlphabet[(triple >> 6) & 63];
    out += kAlphabet[triple & 63];
  }
  if (i < bytes.size()) {
    uint32_t triple = static_cast<uint8_t>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) {
      triple |= static_cast<uint8_t>(bytes[i + 1]) << 8;
    }
    out += kAlphabet[(triple >> 18) & 63];
    out += kAlphabet[(triple >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(triple >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

} // namespace presto::server
