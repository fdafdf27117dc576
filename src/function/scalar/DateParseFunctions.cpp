#include <cctype>

#include "function/BuiltinFunctions.h"
#include "function/SimpleFunction.h"
#include "function/scalar/Calendar.h"
#include "function/scalar/DateTimeParsing.h"
#include "function/scalar/JodaPattern.h"

namespace presto {
namespace {

using namespace calendar;
using namespace datetime;

CallStatus invalidArgument(std::string message) {
  return CallStatus::error(errors::INVALID_FUNCTION_ARGUMENT, std::move(message));
}

/// date_parse(string, format) with MySQL specifiers (those of date_format): the inverse of
/// date_format. Fields not in the format default to 1970-01-01 00:00:00.
struct DateParseFunction {
  CallStatus call(int64_t& out, StringView input, StringView format) const {
    TextCursor text(input.view());
    ParsedFields fields;
    std::string_view pattern = format.view();
    auto malformed = [&]() {
      return invalidArgument(fmt::format("Invalid format: \"{}\" is malformed at \"{}\"", input.view(), text.rest()));
    };
    for (size_t i = 0; i < pattern.size(); ++i) {
      if (pattern[i] != '%' || i + 1 == pattern.size()) {
        if (!text.literal(pattern[i])) return malformed();
        continue;
      }
      char spec = pattern[++i];
      std::optional<int64_t> value;
      size_t numDigits = 0;
      switch (spec) {
        case 'Y': value = text.number(4); fields.year = value.value_or(0); break;
        case 'y':
          value = text.number(2);
          if (value) fields.year = *value + (*value < 70 ? 2000 : 1900);
          break;
        case 'm':
        case 'c': value = text.number(2); fields.month = value.value_or(0); break;
        case 'd':
        case 'e': value = text.number(2); fields.day = value.value_or(0); break;
        case 'H':
        case 'k': value = text.number(2); fields.hour = value.value_or(0); break;
        case 'h':
        case 'I':
        case 'l':
          value = text.number(2);
          fields.hour = value.value_or(0);
          fields.hourField = HourField::kClockhourOfHalfday;
          break;
        case 'i': value = text.number(2); fields.minute = value.value_or(0); break;
        case 's':
        case 'S': value = text.number(2); fields.second = value.value_or(0); break;
        case 'f':
          value = text.number(9, &numDigits);
          if (value) fields.millis = fractionToMillis(*value, numDigits);
          break;
        case 'j': value = text.number(3); fields.dayOfYear = value.value_or(0); break;
        case 'p': {
          static constexpr const char* kHalves[] = {"AM", "PM"};
          value = text.name(kHalves, 0);
          fields.afternoon = value == 1;
          break;
        }
        case 'M': value = text.name(kMonthNames, 0); fields.month = value.value_or(0) + 1; break;
        case 'b': value = text.name(kMonthNames, 3); fields.month = value.value_or(0) + 1; break;
        case 'W': value = text.name(kDayNames, 0); break;
        case 'a': value = text.name(kDayNames, 3); break;
        case 'T': {
          auto hour = text.number(2);
          auto minute = hour && text.literal(':') ? text.number(2) : std::nullopt;
          auto second = minute && text.literal(':') ? text.number(2) : std::nullopt;
          value = second;
          if (value) {
            fields.hour = *hour;
            fields.minute = *minute;
            fields.second = *second;
          }
          break;
        }
        case '%': value = text.literal('%') ? std::optional<int64_t>(0) : std::nullopt; break;
        default: return invalidArgument(fmt::format("%{} not supported in date format string", spec));
      }
      if (!value) return malformed();
    }
    if (!text.atEnd()) return malformed();
    return toMillis(fields, out);
  }
};

/// A Joda-Time pattern compiled once when constant, otherwise whenever it changes between rows.
class JodaPatternCache {
 public:
  void initialize(const FunctionBinding& binding, size_t patternArgument) {
    const Value* constant = binding.constantAt(patternArgument);
    if (constant && !constant->isNull()) {
      text_ = constant->as<std::string>();
      status_ = JodaPattern::compile(text_, pattern_);
      compiled_ = true;
    }
  }

  /// The compiled pattern, or nullptr with `status` holding the compile error.
  const JodaPattern* get(std::string_view text, CallStatus& status) {
    if (!compiled_ || text != text_) {
      text_ = text;
      status_ = JodaPattern::compile(text_, pattern_);
      compiled_ = true;
    }
    if (!status_.isValue()) {
      status = status_;
      return nullptr;
    }
    return &pattern_;
  }

 private:
  std::string text_;
  JodaPattern pattern_;
  CallStatus status_ = CallStatus::value();
  bool compiled_ = false;
};

/// format_datetime(timestamp|timestamp with time zone, pattern) with Joda-Time pattern letters; a
/// zoned value is shown on its zone's clock.
struct FormatDatetimeFunction {
  void initialize(const FunctionBinding& binding) {
    zoned_ = binding.argumentTypes[0]->kind() == TypeKind::kTimestampWithTimeZone;
    patterns_.initialize(binding, 1);
  }

  CallStatus call(std::string& out, int64_t value, StringView format) {
    CallStatus status = CallStatus::value();
    const JodaPattern* pattern = patterns_.get(format.view(), status);
    if (pattern == nullptr) return status;
    if (zoned_) {
      int64_t millisUtc = unpackMillisUtc(value);
      TimeZoneKey zone = unpackZoneKey(value);
      int64_t offset = zoneOffsetMillis(zone, millisUtc);
      pattern->format(millisUtc + offset, zone, offset, out);
    } else {
      pattern->format(value, kUtcZoneKey, 0, out);
    }
    return CallStatus::value();
  }

  JodaPatternCache patterns_;
  bool zoned_ = false;
};

/// parse_datetime(string, pattern) -> timestamp with time zone, Joda-Time pattern letters.
struct ParseDatetimeFunction {
  void initialize(const FunctionBinding& binding) { patterns_.initialize(binding, 1); }

  CallStatus call(int64_t& out, StringView text, StringView format) {
    CallStatus status = CallStatus::value();
    const JodaPattern* pattern = patterns_.get(format.view(), status);
    if (pattern == nullptr) return status;
    return pattern->parse(text.view(), out);
  }

  JodaPatternCache patterns_;
};

FunctionMetadata describe(std::string description) {
  return {FunctionKind::kScalar, true, std::move(description), false};
}

} // namespace

void registerDateParseFunctions(FunctionRegistry& registry) {
  registerSimple<DateParseFunction, int64_t, StringView, StringView>(
      registry, "date_parse", {"varchar", "varchar"}, "timestamp", describe("parse a timestamp with MySQL format specifiers"));
  registerSimple<FormatDatetimeFunction, StringView, int64_t, StringView>(
      registry, "format_datetime", {"timestamp", "varchar"}, "varchar", describe("format a timestamp with a Joda-Time pattern"));
  registerSimple<FormatDatetimeFunction, StringView, int64_t, StringView>(registry, "format_datetime",
      {"timestamp with time zone", "varchar"}, "varchar", describe("format a timestamp with a Joda-Time pattern"));
  registerSimple<ParseDatetimeFunction, int64_t, StringView, StringView>(registry, "parse_datetime", {"varchar", "varchar"},
      "timestamp with time zone", describe("parse a timestamp with time zone with a Joda-Time pattern"));
}

} // namespace presto
