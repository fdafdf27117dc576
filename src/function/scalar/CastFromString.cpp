#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "function/scalar/CastKernel.h"
#include "function/scalar/DecimalMath.h"
#include "type/DateTime.h"
#include "type/TimeZoneKey.h"

namespace presto {
namespace {

std::string_view trimSpaces(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

CastFailure cannotCast(StringView value, const std::string& typeName) {
  return {&errors::INVALID_CAST_ARGUMENT, fmt::format("Cannot cast '{}' to {}", value.view(), typeName)};
}

/// Integers as Java's Long.parseLong reads them: optional sign, decimal digits, nothing else.
template <typename To>
struct StringToInteger {
  std::string typeName;
  bool operator()(StringView value, To& out, std::string&) const {
    std::string_view text = value.view();
    if (!text.empty() && text.front() == '+') {
      text.remove_prefix(1);
      if (!text.empty() && text.front() == '-') return false;
    }
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
    return error == std::errc() && end == text.data() + text.size() && !text.empty();
  }
  CastFailure failure(StringView value) const { return cannotCast(value, typeName); }
};

/// Java's Double.parseDouble: surrounding whitespace, NaN, [+-]Infinity, optional d/f suffix.
template <typename To>
struct StringToFloating {
  std::string typeName;
  bool operator()(StringView value, To& out, std::string& text) const {
    std::string_view trimmed = trimSpaces(value.view());
    if (!trimmed.empty() && (trimmed.back() == 'd' || trimmed.back() == 'D' || trimmed.back() == 'f' || trimmed.back() == 'F')) {
      trimmed.remove_suffix(1);
    }
    std::string_view unsigned_ = trimmed;
    bool negative = false;
    if (!unsigned_.empty() && (unsigned_.front() == '+' || unsigned_.front() == '-')) {
      negative = unsigned_.front() == '-';
      unsigned_.remove_prefix(1);
    }
    if (unsigned_ == "NaN") {
      out = std::numeric_limits<To>::quiet_NaN();
      return true;
    }
    if (unsigned_ == "Infinity") {
      out = negative ? -std::numeric_limits<To>::infinity() : std::numeric_limits<To>::infinity();
      return true;
    }
    if (unsigned_.empty() || !(std::isdigit(static_cast<unsigned char>(unsigned_.front())) || unsigned_.front() == '.')) {
      return false;
    }
    text.assign(trimmed);
    char* end = nullptr;
    double parsed = std::strtod(text.c_str(), &end);
    bool ok = end == text.c_str() + text.size();
    text.clear();
    out = static_cast<To>(parsed);
    return ok;
  }
  CastFailure failure(StringView value) const { return cannotCast(value, typeName); }
};

struct StringToBoolean {
  bool operator()(StringView value, bool& out, std::string&) const {
    std::string lowered;
    for (char c : value.view()) lowered += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lowered == "true" || lowered == "t" || lowered == "1") {
      out = true;
      return true;
    }
    if (lowered == "false" || lowered == "f" || lowered == "0") {
      out = false;
      return true;
    }
    return false;
  }
  CastFailure failure(StringView value) const { return cannotCast(value, "BOOLEAN"); }
};

struct StringToDate {
  bool operator()(StringView value, int32_t& out, std::string&) const {
    auto days = parseDate(trimSpaces(value.view()));
    if (!days) return false;
    out = *days;
    return true;
  }
  CastFailure failure(StringView value) const {
    return {&errors::INVALID_CAST_ARGUMENT, fmt::format("Value cannot be cast to date: {}", value.view())};
  }
};

/// `YYYY-MM-DD[ HH:MM[:SS[.fff]]]` (also with `T`) as wall-clock UTC milliseconds.
struct StringToTimestamp {
  bool operator()(StringView value, int64_t& out, std::string&) const {
    auto millis = parseTimestamp(trimSpaces(value.view()));
    if (!millis) return false;
    out = *millis;
    return true;
  }
  CastFailure failure(StringView value) const {
    return {&errors::INVALID_CAST_ARGUMENT, fmt::format("Value cannot be cast to timestamp: {}", value.view())};
  }
};

/// `YYYY-MM-DD[ HH:MM[:SS[.fff]]][ zone]`; a value without a zone is in UTC.
struct StringToTimestampWithTimeZone {
  bool operator()(StringView value, int64_t& out, std::string&) const {
    auto packed = parseTimestampWithTimeZone(trimSpaces(value.view()));
    if (!packed) return false;
    out = *packed;
    return true;
  }
  CastFailure failure(StringView value) const {
    return {&errors::INVALID_CAST_ARGUMENT, fmt::format("Value cannot be cast to timestamp with time zone: {}", value.view())};
  }
};

template <typename To>
struct StringToDecimal {
  int precision;
  int scale;
  std::string typeName;
  bool operator()(StringView value, To& out, std::string&) const {
    bool overflow;
    auto parsed = decimal::parse(value.view(), precision, scale, overflow);
    if (!parsed) return false;
    out = static_cast<To>(*parsed);
    return true;
  }
  CastFailure failure(StringView value) const {
    bool overflow;
    decimal::parse(value.view(), precision, scale, overflow);
    return {&errors::INVALID_CAST_ARGUMENT, fmt::format("Cannot cast VARCHAR '{}' to {}. Value {}", value.view(),
        typeName, overflow ? "too large." : "is not a number.")};
  }
};

/// varchar -> varbinary keeps the bytes.
struct StringToBinary {
  bool operator()(StringView value, StringView&, std::string& text) const {
    text.assign(value.view());
    return true;
  }
  CastFailure failure(StringView) const { return {&errors::INVALID_CAST_ARGUMENT, ""}; }
};

} // namespace

VectorFunctionPtr makeCastFromString(const TypePtr& from, const TypePtr& to) {
  if (from->kind() == TypeKind::kVarbinary) {
    return nullptr;
  }
  switch (to->kind()) {
    case TypeKind::kBoolean: return makeCastKernel<StringView, bool>(StringToBoolean{});
    case TypeKind::kTinyint: return makeCastKernel<StringView, int8_t>(StringToInteger<int8_t>{"TINYINT"});
    case TypeKind::kSmallint: return makeCastKernel<StringView, int16_t>(StringToInteger<int16_t>{"SMALLINT"});
    case TypeKind::kInteger: return makeCastKernel<StringView, int32_t>(StringToInteger<int32_t>{"INT"});
    case TypeKind::kBigint: return makeCastKernel<StringView, int64_t>(StringToInteger<int64_t>{"BIGINT"});
    case TypeKind::kReal: return makeCastKernel<StringView, float>(StringToFloating<float>{"REAL"});
    case TypeKind::kDouble: return makeCastKernel<StringView, double>(StringToFloating<double>{"DOUBLE"});
    case TypeKind::kDate: return makeCastKernel<StringView, int32_t>(StringToDate{});
    case TypeKind::kTimestamp: return makeCastKernel<StringView, int64_t>(StringToTimestamp{});
    case TypeKind::kTimestampWithTimeZone: return makeCastKernel<StringView, int64_t>(StringToTimestampWithTimeZone{});
    case TypeKind::kVarbinary:
    case TypeKind::kJson: return makeCastKernel<StringView, StringView>(StringToBinary{});
    case TypeKind::kDecimal: {
      const auto& decimalType = asDecimal(*to);
      if (decimalType.isLongDecimal()) {
        return makeCastKernel<StringView, int128_t>(
            StringToDecimal<int128_t>{decimalType.precision(), decimalType.scale(), castTypeName(*to)});
      }
      return makeCastKernel<StringView, int64_t>(
          StringToDecimal<int64_t>{decimalType.precision(), decimalType.scale(), castTypeName(*to)});
    }
    default: return nullptr;
  }
}

} // namespace presto
