#include "function/scalar/DateTimeParsing.h"

#include <fmt/format.h>

#include "function/scalar/Calendar.h"

namespace presto::datetime {

using namespace calendar;

namespace {

CallStatus outOfRange(const char* field, int64_t value, int64_t low, int64_t high) {
  return CallStatus::error(
      errors::INVALID_FUNCTION_ARGUMENT, fmt::format("Value {} for {} must be in the range [{},{}]", value, field, low, high));
}

/// The hour of the day from the hour field a pattern read, or a range error.
CallStatus hourOfDay(const ParsedFields& fields, int64_t& hour) {
  hour = fields.hour;
  switch (fields.hourField) {
    case HourField::kHourOfDay:
      if (hour < 0 || hour > 23) return outOfRange("hourOfDay", hour, 0, 23);
      break;
    case HourField::kClockhourOfDay:
      if (hour < 1 || hour > 24) return outOfRange("clockhourOfDay", hour, 1, 24);
      hour %= 24;
      break;
    case HourField::kHourOfHalfday:
      if (hour < 0 || hour > 11) return outOfRange("hourOfHalfday", hour, 0, 11);
      hour += fields.afternoon ? 12 : 0;
      break;
    case HourField::kClockhourOfHalfday:
      if (hour < 1 || hour > 12) return outOfRange("clockhourOfHalfday", hour, 1, 12);
      hour = hour % 12 + (fields.afternoon ? 12 : 0);
      break;
  }
  return CallStatus::value();
}

} // namespace

CallStatus toMillis(const ParsedFields& fields, int64_t& out) {
  if (fields.month < 1 || fields.month > 12) return outOfRange("monthOfYear", fields.month, 1, 12);
  int64_t hour = 0;
  if (auto status = hourOfDay(fields, hour); !status.isValue()) return status;
  if (fields.minute > 59) return outOfRange("minuteOfHour", fields.minute, 0, 59);
  if (fields.second > 59) return outOfRange("secondOfMinute", fields.second, 0, 59);
  int64_t days;
  if (fields.dayOfYear > 0) {
    int64_t length = isLeap(fields.year) ? 366 : 365;
    if (fields.dayOfYear > length) return outOfRange("dayOfYear", fields.dayOfYear, 1, length);
    days = daysFromCivil({static_cast<int32_t>(fields.year), 1, 1}) + fields.dayOfYear - 1;
  } else {
    int32_t lastDay = daysInMonth(fields.year, static_cast<int32_t>(fields.month));
    if (fields.day < 1 || fields.day > lastDay) return outOfRange("dayOfMonth", fields.day, 1, lastDay);
    days = daysFromCivil({static_cast<int32_t>(fields.year), static_cast<int32_t>(fields.month), static_cast<int32_t>(fields.day)});
  }
  out = days * kMillisPerDay + ((hour * 60 + fields.minute) * 60 + fields.second) * 1000 + fields.millis;
  return CallStatus::value();
}

int64_t fractionToMillis(int64_t digits, size_t numDigits) {
  while (numDigits < 3) {
    digits *= 10;
    ++numDigits;
  }
  while (numDigits > 3) {
    digits /= 10;
    --numDigits;
  }
  return digits;
}

std::optional<int64_t> TextCursor::number(size_t maxDigits, size_t* numDigits) {
  size_t start = position_;
  int64_t value = 0;
  while (position_ < text_.size() && position_ - start < maxDigits && std::isdigit(static_cast<unsigned char>(text_[position_]))) {
    value = value * 10 + (text_[position_++] - '0');
  }
  if (numDigits) *numDigits = position_ - start;
  if (position_ == start) return std::nullopt;
  return value;
}

std::optional<int64_t> TextCursor::signedNumber(size_t maxDigits, size_t* numDigits) {
  size_t start = position_;
  bool negative = literal('-');
  if (!negative) literal('+');
  auto value = number(maxDigits, numDigits);
  if (!value) {
    position_ = start;
    return std::nullopt;
  }
  return negative ? -*value : *value;
}

bool TextCursor::startsWithIgnoreCase(std::string_view prefix) const {
  std::string_view rest = this->rest();
  if (rest.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(rest[i])) != std::tolower(static_cast<unsigned char>(prefix[i]))) return false;
  }
  return true;
}

std::string invalidFormatMessage(std::string_view text, size_t position) {
  // Joda-Time shows at most 32 characters past the error position.
  size_t sampleLength = position + 32;
  std::string sample = text.size() <= sampleLength + 3 ? std::string(text) : std::string(text.substr(0, sampleLength)) + "...";
  if (position == 0) return fmt::format("Invalid format: \"{}\"", sample);
  if (position >= text.size()) return fmt::format("Invalid format: \"{}\" is too short", sample);
  return fmt::format("Invalid format: \"{}\" is malformed at \"{}\"", sample, sample.substr(position));
}

} // namespace presto::datetime
