#include "type/Value.h"

#include <fmt/format.h>

#include "common/Check.h"
#include "type/DateTime.h"
#include "type/Decimal.h"
#include "type/TimeZoneKey.h"

namespace presto {
namespace {

std::string formatFloating(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  return fmt::format("{}", value);
}

int64_t integerOf(const Value& value) {
  return value.as<int64_t>();
}

} // namespace

std::string Value::toString(const Type& type) const {
  if (isNull()) {
    return "NULL";
  }
  switch (type.kind()) {
    case TypeKind::kBoolean:
      return as<bool>() ? "true" : "false";
    case TypeKind::kTinyint:
    case TypeKind::kSmallint:
    case TypeKind::kInteger:
    case TypeKind::kBigint:
    case TypeKind::kIntervalYearMonth:
      return std::to_string(integerOf(*this));
    case TypeKind::kReal:
      return formatFloating(as<float>());
    case TypeKind::kDouble:
      return formatFloating(as<double>());
    case TypeKind::kDecimal:
      return formatDecimal(holds<int128_t>() ? as<int128_t>() : as<int64_t>(), asDecimal(type).scale());
    case TypeKind::kVarchar:
    case TypeKind::kChar:
    case TypeKind::kJson:
      return as<std::string>();
    case TypeKind::kVarbinary: {
      std::string hex;
      for (unsigned char c : as<std::string>()) {
        hex += fmt::format("{}{:02x}", hex.empty() ? "" : " ", c);
      }
      return hex;
    }
    case TypeKind::kDate:
      return formatDate(static_cast<int32_t>(integerOf(*this)));
    case TypeKind::kTime:
      return formatTime(integerOf(*this));
    case TypeKind::kTimestamp:
      return formatTimestamp(integerOf(*this));
    case TypeKind::kTimestampWithTimeZone:
      return formatTimestampWithTimeZone(integerOf(*this));
    case TypeKind::kIntervalDayTime: {
      int64_t millis = integerOf(*this);
      std::string sign = millis < 0 ? "-" : "";
      uint64_t magnitude = millis < 0 ? -static_cast<uint64_t>(millis) : static_cast<uint64_t>(millis);
      return fmt::format("{}{} {}", sign, magnitude / kMillisPerDay, formatTime(static_cast<int64_t>(magnitude % kMillisPerDay)));
    }
    case TypeKind::kArray: {
      std::string result = "[";
      const auto& elements = as<ArrayValue>().elements;
      for (size_t i = 0; i < elements.size(); ++i) {
        result += (i ? ", " : "") + elements[i].toString(*type.childAt(0));
      }
      return result + "]";
    }
    case TypeKind::kMap: {
      std::string result = "{";
      const auto& map = as<MapValue>();
      for (size_t i = 0; i < map.keys.size(); ++i) {
        result += (i ? ", " : "") + map.keys[i].toString(*type.childAt(0)) + "=" + map.values[i].toString(*type.childAt(1));
      }
      return result + "}";
    }
    case TypeKind::kRow: {
      std::string result = "{";
      const auto& fields = as<RowValue>().fields;
      const auto& rowType = asRow(type);
      for (size_t i = 0; i < fields.size(); ++i) {
        auto name = rowType.nameOf(i).empty() ? fmt::format("field{}", i) : rowType.nameOf(i);
        result += (i ? ", " : "") + name + "=" + fields[i].toString(*type.childAt(i));
      }
      return result + "}";
    }
    case TypeKind::kUnknown:
      return "NULL";
  }
  PRESTO_FAIL("unhandled type {}", type.toString());
}

namespace {

template <typename T>
int threeWay(const T& left, const T& right) {
  return left < right ? -1 : (right < left ? 1 : 0);
}

int128_t wideInteger(const Value& value) {
  return value.holds<int128_t>() ? value.as<int128_t>() : static_cast<int128_t>(value.as<int64_t>());
}

int compareSequences(const Type& type, const std::vector<Value>& left, const std::vector<Value>& right, bool isRow) {
  for (size_t i = 0; i < left.size() && i < right.size(); ++i) {
    const Type& elementType = isRow ? *type.childAt(i) : *type.childAt(0);
    if (left[i].isNull() || right[i].isNull()) {
      if (left[i].isNull() != right[i].isNull()) {
        return left[i].isNull() ? 1 : -1;  // nulls last inside collections
      }
      continue;
    }
    if (int result = compareValues(elementType, left[i], right[i]); result != 0) {
      return result;
    }
  }
  return threeWay(left.size(), right.size());
}

} // namespace

int compareValues(const Type& type, const Value& left, const Value& right) {
  switch (type.kind()) {
    case TypeKind::kBoolean:
      return threeWay(left.as<bool>(), right.as<bool>());
    case TypeKind::kReal:
      return threeWay(left.as<float>(), right.as<float>());
    case TypeKind::kDouble:
      return threeWay(left.as<double>(), right.as<double>());
    case TypeKind::kDecimal:
      return threeWay(wideInteger(left), wideInteger(right));
    case TypeKind::kVarchar:
    case TypeKind::kChar:
    case TypeKind::kVarbinary:
    case TypeKind::kJson:
      return left.as<std::string>().compare(right.as<std::string>()) < 0
          ? -1
          : (left.as<std::string>() == right.as<std::string>() ? 0 : 1);
    case TypeKind::kArray:
      return compareSequences(type, left.as<ArrayValue>().elements, right.as<ArrayValue>().elements, false);
    case TypeKind::kRow:
      return compareSequences(type, left.as<RowValue>().fields, right.as<RowValue>().fields, true);
    case TypeKind::kMap:
    case TypeKind::kUnknown:
      PRESTO_FAIL("values of type {} are not orderable", type.toString());
    default:
      return threeWay(left.as<int64_t>(), right.as<int64_t>());
  }
}

bool Value::operator==(const Value& other) const {
  return storage_ == other.storage_;
}

bool operator==(const ArrayValue& left, const ArrayValue& right) {
  return left.elements == right.elements;
}

bool operator==(const MapValue& left, const MapValue& right) {
  return left.keys == right.keys && left.values == right.values;
}

bool operator==(const RowValue& left, const RowValue& right) {
  return left.fields == right.fields;
}

} // namespace presto
