#include "server/protocol/ValueJson.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

#include "type/DateTime.h"
#include "type/Decimal.h"
#include "type/TimeZoneKey.h"
#include "vector/DecodedVector.h"
#include "vector/StringView.h"
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
      return formatTimestampWithTimeZone(value.as<int64_t>());
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

namespace {

void writeJson(const json& value, std::string& out) {
  out += value.dump(-1, ' ', false, json::error_handler_t::replace);
}

template <typename T>
void writeInteger(T value, std::string& out) {
  char buffer[24];
  auto result = std::to_chars(buffer, buffer + sizeof(buffer), static_cast<int64_t>(value));
  out.append(buffer, result.ptr);
}

/// Strings of plain printable ASCII are written as they are; anything needing escapes or UTF-8
/// validation goes through the JSON library.
void writeString(std::string_view text, std::string& out) {
  bool plain = std::all_of(text.begin(), text.end(),
      [](char c) { return static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7f && c != '"' && c != '\\'; });
  if (!plain) {
    return writeJson(json(std::string(text)), out);
  }
  out += '"';
  out.append(text.data(), text.size());
  out += '"';
}

/// Text already known to need no escaping (digits, dates, decimals), as a JSON string.
void writePlainString(const std::string& text, std::string& out) {
  out += '"';
  out += text;
  out += '"';
}

/// Shortest round-trip digits; a whole number keeps ".0" as the JSON library writes it.
void writeFloating(double value, std::string& out) {
  if (!std::isfinite(value)) {
    return writePlainString(std::isnan(value) ? "NaN" : (value > 0 ? "Infinity" : "-Infinity"), out);
  }
  char buffer[32];
  auto end = std::to_chars(buffer, buffer + sizeof(buffer), value).ptr;
  out.append(buffer, end);
  if (std::find_if(buffer, end, [](char c) { return c == '.' || c == 'e'; }) == end) {
    out += ".0";
  }
}

/// Writes the value of one row of a decoded column.
void writeCell(const BaseVector& column, const DecodedVector& decoded, vector_size_t row, std::string& out) {
  if (decoded.isNullAt(row)) {
    out += "null";
    return;
  }
  const Type& type = *column.type();
  switch (type.kind()) {
    case TypeKind::kBoolean:
      out += decoded.valueAt<bool>(row) ? "true" : "false";
      return;
    case TypeKind::kTinyint:
      return writeInteger(decoded.valueAt<int8_t>(row), out);
    case TypeKind::kSmallint:
      return writeInteger(decoded.valueAt<int16_t>(row), out);
    case TypeKind::kInteger:
      return writeInteger(decoded.valueAt<int32_t>(row), out);
    case TypeKind::kBigint:
      return writeInteger(decoded.valueAt<int64_t>(row), out);
    case TypeKind::kDouble:
      return writeFloating(decoded.valueAt<double>(row), out);
    case TypeKind::kDecimal: {
      int scale = asDecimal(type).scale();
      return writePlainString(type.isLongDecimal() ? formatDecimal(decoded.valueAt<int128_t>(row), scale)
                                                  : formatDecimal(decoded.valueAt<int64_t>(row), scale),
          out);
    }
    case TypeKind::kDate:
      return writePlainString(formatDate(decoded.valueAt<int32_t>(row)), out);
    case TypeKind::kTimestamp:
      return writePlainString(formatTimestamp(decoded.valueAt<int64_t>(row)), out);
    case TypeKind::kVarchar:
    case TypeKind::kChar:
      return writeString(decoded.valueAt<StringView>(row).view(), out);
    default:
      return writeJson(valueToJson(valueAt(column, row), type), out);
  }
}

} // namespace

void appendPageRows(const Page& page, json& rows) {
  for (vector_size_t row = 0; row < page.numRows(); ++row) {
    json values = json::array();
    for (const auto& column : page.columns()) {
      values.push_back(valueToJson(valueAt(*column, row), *column->type()));
    }
    rows.push_back(std::move(values));
  }
}

void writePageRows(const Page& page, std::string& out) {
  std::vector<std::unique_ptr<DecodedVector>> decoded;
  for (const auto& column : page.columns()) {
    decoded.push_back(std::make_unique<DecodedVector>(*column));
  }
  for (vector_size_t row = 0; row < page.numRows(); ++row) {
    if (out.back() != '[') {
      out += ',';
    }
    out += '[';
    for (size_t column = 0; column < page.numColumns(); ++column) {
      if (column > 0) {
        out += ',';
      }
      writeCell(*page.column(column), *decoded[column], row, out);
    }
    out += ']';
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
