#include <chrono>
#include <cmath>

#include "function/BuiltinFunctions.h"
#include "function/SimpleFunction.h"
#include "function/scalar/Calendar.h"
#include "type/DateTime.h"
#include "type/TimeZoneKey.h"

namespace presto {
namespace {

using namespace calendar;

FunctionMetadata describe(std::string description, bool deterministic = true) {
  return {FunctionKind::kScalar, deterministic, std::move(description), false};
}

CallStatus invalidArgument(std::string message) {
  return CallStatus::error(errors::INVALID_FUNCTION_ARGUMENT, std::move(message));
}

/// Adds months, clamping the day to the end of the target month (Jan 31 + 1 month = Feb 28/29).
int64_t addMonthsToDays(int64_t days, int64_t months) {
  auto date = civilFromDays(days);
  int64_t total = static_cast<int64_t>(date.year) * 12 + (date.month - 1) + months;
  int32_t year = static_cast<int32_t>(floorDiv(total, 12));
  int32_t month = static_cast<int32_t>(floorMod(total, 12)) + 1;
  int32_t day = std::min(date.day, daysInMonth(year, month));
  return daysFromCivil({year, month, day});
}

/// ISO-8601 week of the year.
int64_t isoWeek(int64_t days) {
  int64_t weekday = dayOfWeek(days);
  int64_t thursday = days - weekday + 4;  // the Thursday of this ISO week decides the year
  auto date = civilFromDays(thursday);
  int64_t firstDay = daysFromCivil({date.year, 1, 1});
  return (thursday - firstDay) / 7 + 1;
}

int64_t isoYear(int64_t days) {
  return civilFromDays(days - dayOfWeek(days) + 4).year;
}

enum class Field { kYear, kQuarter, kMonth, kWeek, kDay, kDayOfWeek, kDayOfYear, kYearOfWeek, kHour, kMinute, kSecond, kMillisecond };

int64_t extractFromDays(Field field, int64_t days) {
  auto date = civilFromDays(days);
  switch (field) {
    case Field::kYear: return date.year;
    case Field::kQuarter: return (date.month - 1) / 3 + 1;
    case Field::kMonth: return date.month;
    case Field::kWeek: return isoWeek(days);
    case Field::kDay: return date.day;
    case Field::kDayOfWeek: return dayOfWeek(days);
    case Field::kDayOfYear: return dayOfYear(days);
    case Field::kYearOfWeek: return isoYear(days);
    default: return 0;
  }
}

int64_t extractFromMillis(Field field, int64_t millis) {
  int64_t millisOfDay = floorMod(millis, kMillisPerDay);
  switch (field) {
    case Field::kHour: return millisOfDay / 3'600'000;
    case Field::kMinute: return millisOfDay / 60'000 % 60;
    case Field::kSecond: return millisOfDay / 1000 % 60;
    case Field::kMillisecond: return millisOfDay % 1000;
    default: return extractFromDays(field, floorDiv(millis, kMillisPerDay));
  }
}

template <Field kField>
struct ExtractDateFunction {
  void call(int64_t& out, int32_t days) const { out = extractFromDays(kField, days); }
};

template <Field kField>
struct ExtractTimestampFunction {
  void call(int64_t& out, int64_t millis) const { out = extractFromMillis(kField, millis); }
};

/// A field of a timestamp with time zone, read on the clock of the value's zone.
template <Field kField>
struct ExtractZonedFunction {
  void call(int64_t& out, int64_t packed) const {
    int64_t millisUtc = unpackMillisUtc(packed);
    out = extractFromMillis(kField, millisUtc + zoneOffsetMillis(unpackZoneKey(packed), millisUtc));
  }
};

struct LastDayOfMonthFunction {
  void call(int32_t& out, int32_t days) const {
    auto date = civilFromDays(days);
    out = static_cast<int32_t>(daysFromCivil({date.year, date.month, daysInMonth(date.year, date.month)}));
  }
};

std::optional<Field> unitOf(std::string_view unit) {
  std::string lowered(unit);
  for (auto& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lowered == "millisecond") return Field::kMillisecond;
  if (lowered == "second") return Field::kSecond;
  if (lowered == "minute") return Field::kMinute;
  if (lowered == "hour") return Field::kHour;
  if (lowered == "day") return Field::kDay;
  if (lowered == "week") return Field::kWeek;
  if (lowered == "month") return Field::kMonth;
  if (lowered == "quarter") return Field::kQuarter;
  if (lowered == "year") return Field::kYear;
  return std::nullopt;
}

int64_t unitMillis(Field unit) {
  switch (unit) {
    case Field::kMillisecond: return 1;
    case Field::kSecond: return 1000;
    case Field::kMinute: return 60'000;
    case Field::kHour: return 3'600'000;
    case Field::kDay: return kMillisPerDay;
    case Field::kWeek: return 7 * kMillisPerDay;
    default: return 0;
  }
}

int64_t unitMonths(Field unit) {
  return unit == Field::kMonth ? 1 : (unit == Field::kQuarter ? 3 : (unit == Field::kYear ? 12 : 0));
}

/// date_trunc(unit, date|timestamp).
struct DateTruncFunction {
  CallStatus call(int32_t& out, StringView unitText, int32_t days) const {
    auto unit = unitOf(unitText.view());
    if (!unit || (unitMillis(*unit) != 0 && unitMillis(*unit) < kMillisPerDay)) {
      return invalidArgument(fmt::format("'{}' is not a valid DATE field", unitText.view()));
    }
    int64_t millis = 0;
    truncate(*unit, static_cast<int64_t>(days) * kMillisPerDay, millis);
    out = static_cast<int32_t>(floorDiv(millis, kMillisPerDay));
    return CallStatus::value();
  }
  CallStatus call(int64_t& out, StringView unitText, int64_t millis) const {
    auto unit = unitOf(unitText.view());
    if (!unit) return invalidArgument(fmt::format("'{}' is not a valid Timestamp field", unitText.view()));
    truncate(*unit, millis, out);
    return CallStatus::value();
  }
  static void truncate(Field unit, int64_t millis, int64_t& out) {
    int64_t days = floorDiv(millis, kMillisPerDay);
    if (unit == Field::kWeek) {
      out = (days - dayOfWeek(days) + 1) * kMillisPerDay;
    } else if (unitMillis(unit) != 0) {
      out = floorDiv(millis, unitMillis(unit)) * unitMillis(unit);
    } else {
      auto date = civilFromDays(days);
      int32_t month = unit == Field::kYear ? 1 : (unit == Field::kQuarter ? ((date.month - 1) / 3) * 3 + 1 : date.month);
      out = daysFromCivil({date.year, month, 1}) * kMillisPerDay;
    }
  }
};

/// date_add(unit, value, date|timestamp).
struct DateAddFunction {
  CallStatus call(int32_t& out, StringView unitText, int64_t value, int32_t days) const {
    auto unit = unitOf(unitText.view());
    if (!unit || (unitMillis(*unit) != 0 && unitMillis(*unit) < kMillisPerDay)) {
      return invalidArgument(fmt::format("'{}' is not a valid DATE field", unitText.view()));
    }
    int64_t result = unitMonths(*unit) != 0 ? addMonthsToDays(days, value * unitMonths(*unit))
                                            : days + value * (unitMillis(*unit) / kMillisPerDay);
    out = static_cast<int32_t>(result);
    return CallStatus::value();
  }
  CallStatus call(int64_t& out, StringView unitText, int64_t value, int64_t millis) const {
    auto unit = unitOf(unitText.view());
    if (!unit) return invalidArgument(fmt::format("'{}' is not a valid Timestamp field", unitText.view()));
    if (unitMonths(*unit) != 0) {
      int64_t days = floorDiv(millis, kMillisPerDay);
      out = addMonthsToDays(days, value * unitMonths(*unit)) * kMillisPerDay + floorMod(millis, kMillisPerDay);
    } else {
      out = millis + value * unitMillis(*unit);
    }
    return CallStatus::value();
  }
};

int64_t monthsBetween(int64_t startDays, int64_t endDays) {
  auto start = civilFromDays(startDays);
  auto end = civilFromDays(endDays);
  int64_t months = (static_cast<int64_t>(end.year) - start.year) * 12 + (end.month - start.month);
  // A partial month does not count (Joda semantics).
  if (months > 0 && end.day < start.day) --months;
  if (months < 0 && end.day > start.day) ++months;
  return months;
}

/// date_diff(unit, a, b): whole units from a to b.
struct DateDiffFunction {
  CallStatus call(int64_t& out, StringView unitText, int32_t start, int32_t end) const {
    auto unit = unitOf(unitText.view());
    if (!unit || (unitMillis(*unit) != 0 && unitMillis(*unit) < kMillisPerDay)) {
      return invalidArgument(fmt::format("'{}' is not a valid DATE field", unitText.view()));
    }
    return call(out, unitText, static_cast<int64_t>(start) * kMillisPerDay, static_cast<int64_t>(end) * kMillisPerDay);
  }
  CallStatus call(int64_t& out, StringView unitText, int64_t start, int64_t end) const {
    auto unit = unitOf(unitText.view());
    if (!unit) return invalidArgument(fmt::format("'{}' is not a valid Timestamp field", unitText.view()));
    if (unitMonths(*unit) != 0) {
      int64_t months = monthsBetween(floorDiv(start, kMillisPerDay), floorDiv(end, kMillisPerDay));
      out = months / unitMonths(*unit);
    } else {
      out = (end - start) / unitMillis(*unit);
    }
    return CallStatus::value();
  }
};

struct DatePlusIntervalFunction {
  CallStatus call(int32_t& out, int32_t days, int64_t intervalMillis) const {
    if (intervalMillis % kMillisPerDay != 0) {
      return invalidArgument("Cannot add hour, minutes or seconds to a date");
    }
    out = static_cast<int32_t>(days + intervalMillis / kMillisPerDay);
    return CallStatus::value();
  }
};

struct DateMinusIntervalFunction {
  CallStatus call(int32_t& out, int32_t days, int64_t intervalMillis) const {
    return DatePlusIntervalFunction().call(out, days, -intervalMillis);
  }
};

struct DatePlusMonthsFunction {
  void call(int32_t& out, int32_t days, int32_t months) const { out = static_cast<int32_t>(addMonthsToDays(days, months)); }
};
struct DateMinusMonthsFunction {
  void call(int32_t& out, int32_t days, int32_t months) const { out = static_cast<int32_t>(addMonthsToDays(days, -static_cast<int64_t>(months))); }
};
struct TimestampPlusMillisFunction {
  void call(int64_t& out, int64_t millis, int64_t interval) const { out = millis + interval; }
};
struct TimestampMinusMillisFunction {
  void call(int64_t& out, int64_t millis, int64_t interval) const { out = millis - interval; }
};
struct TimestampPlusMonthsFunction {
  void call(int64_t& out, int64_t millis, int32_t months) const {
    out = addMonthsToDays(floorDiv(millis, kMillisPerDay), months) * kMillisPerDay + floorMod(millis, kMillisPerDay);
  }
};
struct DateMinusDateFunction {
  void call(int64_t& out, int32_t left, int32_t right) const { out = (static_cast<int64_t>(left) - right) * kMillisPerDay; }
};
struct TimestampMinusTimestampFunction {
  void call(int64_t& out, int64_t left, int64_t right) const { out = left - right; }
};

struct FromUnixtimeFunction {
  void call(int64_t& out, double seconds) const { out = static_cast<int64_t>(std::floor(seconds * 1000.0 + 0.5)); }
};
struct ToUnixtimeFunction {
  void call(double& out, int64_t millis) const { out = static_cast<double>(millis) / 1000.0; }
};

struct CurrentDateFunction {
  void call(int32_t& out) const {
    auto now = std::chrono::system_clock::now().time_since_epoch();
    out = static_cast<int32_t>(floorDiv(std::chrono::duration_cast<std::chrono::milliseconds>(now).count(), kMillisPerDay));
  }
};
struct NowFunction {
  void call(int64_t& out) const {
    out = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  }
};

/// MySQL-style date_format(timestamp, format): %Y %m %d %H %i %s %f %y %M %b %a %W %j %p %T %%.
struct DateFormatFunction {
  CallStatus call(std::string& out, int64_t millis, StringView format) const {
    int64_t days = floorDiv(millis, kMillisPerDay);
    auto date = civilFromDays(days);
    int64_t millisOfDay = floorMod(millis, kMillisPerDay);
    int64_t hour = millisOfDay / 3'600'000;
    std::string_view text = format.view();
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] != '%' || i + 1 == text.size()) {
        out += text[i];
        continue;
      }
      char spec = text[++i];
      switch (spec) {
        case 'Y': out += fmt::format("{:04}", date.year); break;
        case 'y': out += fmt::format("{:02}", date.year % 100); break;
        case 'm': out += fmt::format("{:02}", date.month); break;
        case 'c': out += std::to_string(date.month); break;
        case 'd': out += fmt::format("{:02}", date.day); break;
        case 'e': out += std::to_string(date.day); break;
        case 'H': out += fmt::format("{:02}", hour); break;
        case 'k': out += std::to_string(hour); break;
        case 'h':
        case 'I': out += fmt::format("{:02}", (hour + 11) % 12 + 1); break;
        case 'l': out += std::to_string((hour + 11) % 12 + 1); break;
        case 'i': out += fmt::format("{:02}", millisOfDay / 60'000 % 60); break;
        case 's':
        case 'S': out += fmt::format("{:02}", millisOfDay / 1000 % 60); break;
        case 'f': out += fmt::format("{:03}000", millisOfDay % 1000); break;
        case 'p': out += hour < 12 ? "AM" : "PM"; break;
        case 'T': out += fmt::format("{:02}:{:02}:{:02}", hour, millisOfDay / 60'000 % 60, millisOfDay / 1000 % 60); break;
        case 'M': out += kMonthNames[date.month - 1]; break;
        case 'b': out += std::string(kMonthNames[date.month - 1]).substr(0, 3); break;
        case 'W': out += kDayNames[dayOfWeek(days) - 1]; break;
        case 'a': out += std::string(kDayNames[dayOfWeek(days) - 1]).substr(0, 3); break;
        case 'j': out += fmt::format("{:03}", dayOfYear(days)); break;
        case '%': out += '%'; break;
        default: return invalidArgument(fmt::format("Unsupported date format specifier: %{}", spec));
      }
    }
    return CallStatus::value();
  }
};

template <Field kField>
void registerTimeField(FunctionRegistry& registry, const std::string& name) {
  registerSimple<ExtractTimestampFunction<kField>, int64_t, int64_t>(registry, name, {"timestamp"}, "bigint", describe(name + " of a timestamp"));
  registerSimple<ExtractZonedFunction<kField>, int64_t, int64_t>(
      registry, name, {"timestamp with time zone"}, "bigint", describe(name + " of a timestamp in its time zone"));
}

template <Field kField>
void registerField(FunctionRegistry& registry, const std::string& name) {
  registerSimple<ExtractDateFunction<kField>, int64_t, int32_t>(registry, name, {"date"}, "bigint", describe(name + " of a date"));
  registerTimeField<kField>(registry, name);
}

} // namespace

void registerDateTimeFunctions(FunctionRegistry& registry) {
  registerField<Field::kYear>(registry, "year");
  registerField<Field::kQuarter>(registry, "quarter");
  registerField<Field::kMonth>(registry, "month");
  registerField<Field::kWeek>(registry, "week");
  registerField<Field::kWeek>(registry, "week_of_year");
  registerField<Field::kDay>(registry, "day");
  registerField<Field::kDay>(registry, "day_of_month");
  registerField<Field::kDayOfWeek>(registry, "day_of_week");
  registerField<Field::kDayOfWeek>(registry, "dow");
  registerField<Field::kDayOfYear>(registry, "day_of_year");
  registerField<Field::kDayOfYear>(registry, "doy");
  registerField<Field::kYearOfWeek>(registry, "year_of_week");
  registerField<Field::kYearOfWeek>(registry, "yow");
  registerTimeField<Field::kHour>(registry, "hour");
  registerTimeField<Field::kMinute>(registry, "minute");
  registerTimeField<Field::kSecond>(registry, "second");
  registerTimeField<Field::kMillisecond>(registry, "millisecond");
  registerSimple<LastDayOfMonthFunction, int32_t, int32_t>(registry, "last_day_of_month", {"date"}, "date", describe("last day of the month"));
  registerSimple<DateTruncFunction, int32_t, StringView, int32_t>(registry, "date_trunc", {"varchar", "date"}, "date", describe("truncate to unit"));
  registerSimple<DateTruncFunction, int64_t, StringView, int64_t>(registry, "date_trunc", {"varchar", "timestamp"}, "timestamp", describe("truncate to unit"));
  registerSimple<DateAddFunction, int32_t, StringView, int64_t, int32_t>(registry, "date_add", {"varchar", "bigint", "date"}, "date", describe("add units"));
  registerSimple<DateAddFunction, int64_t, StringView, int64_t, int64_t>(registry, "date_add", {"varchar", "bigint", "timestamp"}, "timestamp", describe("add units"));
  registerSimple<DateDiffFunction, int64_t, StringView, int32_t, int32_t>(registry, "date_diff", {"varchar", "date", "date"}, "bigint", describe("whole units between"));
  registerSimple<DateDiffFunction, int64_t, StringView, int64_t, int64_t>(registry, "date_diff", {"varchar", "timestamp", "timestamp"}, "bigint", describe("whole units between"));
  registerSimple<FromUnixtimeFunction, int64_t, double>(registry, "from_unixtime", {"double"}, "timestamp", describe("timestamp of unix seconds"));
  registerSimple<ToUnixtimeFunction, double, int64_t>(registry, "to_unixtime", {"timestamp"}, "double", describe("unix seconds of a timestamp"));
  registerSimple<DateFormatFunction, StringView, int64_t, StringView>(registry, "date_format", {"timestamp", "varchar"}, "varchar", describe("format with MySQL specifiers"));
  registerSimple<CurrentDateFunction, int32_t>(registry, "current_date", {}, "date", describe("today (UTC)", false));
  registerSimple<NowFunction, int64_t>(registry, "now", {}, "timestamp", describe("the current time", false));
  registerSimple<NowFunction, int64_t>(registry, "current_timestamp", {}, "timestamp", describe("the current time", false));

  FunctionMetadata hidden{FunctionKind::kScalar, true, "", true};
  registerSimple<DatePlusIntervalFunction, int32_t, int32_t, int64_t>(registry, operators::kAdd, {"date", "interval day to second"}, "date", hidden);
  registerSimple<DateMinusIntervalFunction, int32_t, int32_t, int64_t>(registry, operators::kSubtract, {"date", "interval day to second"}, "date", hidden);
  registerSimple<DatePlusMonthsFunction, int32_t, int32_t, int32_t>(registry, operators::kAdd, {"date", "interval year to month"}, "date", hidden);
  registerSimple<DateMinusMonthsFunction, int32_t, int32_t, int32_t>(registry, operators::kSubtract, {"date", "interval year to month"}, "date", hidden);
  registerSimple<TimestampPlusMillisFunction, int64_t, int64_t, int64_t>(registry, operators::kAdd, {"timestamp", "interval day to second"}, "timestamp", hidden);
  registerSimple<TimestampMinusMillisFunction, int64_t, int64_t, int64_t>(registry, operators::kSubtract, {"timestamp", "interval day to second"}, "timestamp", hidden);
  registerSimple<TimestampPlusMonthsFunction, int64_t, int64_t, int32_t>(registry, operators::kAdd, {"timestamp", "interval year to month"}, "timestamp", hidden);
  registerSimple<DateMinusDateFunction, int64_t, int32_t, int32_t>(registry, operators::kSubtract, {"date", "date"}, "interval day to second", hidden);
  registerSimple<TimestampMinusTimestampFunction, int64_t, int64_t, int64_t>(registry, operators::kSubtract, {"timestamp", "timestamp"}, "interval day to second", hidden);
  registerSimple<TimestampPlusMillisFunction, int64_t, int64_t, int64_t>(registry, operators::kAdd, {"interval day to second", "interval day to second"}, "interval day to second", hidden);
  registerSimple<TimestampMinusMillisFunction, int64_t, int64_t, int64_t>(registry, operators::kSubtract, {"interval day to second", "interval day to second"}, "interval day to second", hidden);
}

} // namespace presto
