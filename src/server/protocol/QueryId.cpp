#include "server/protocol/QueryId.h"

#include <fmt/format.h>

#include <random>

#include "type/DateTime.h"

namespace presto::server {
namespace {

constexpr std::string_view kSuffixAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

std::string randomSuffix() {
  std::random_device device;
  std::mt19937 random(device());
  std::uniform_int_distribution<size_t> pick(0, kSuffixAlphabet.size() - 1);
  std::string suffix;
  for (int i = 0; i < 5; ++i) {
    suffix += kSuffixAlphabet[pick(random)];
  }
  return suffix;
}

} // namespace

QueryIdGenerator::QueryIdGenerator() : suffix_(randomSuffix()) {}

QueryIdGenerator::QueryIdGenerator(std::string suffix) : suffix_(std::move(suffix)) {}

std::string QueryIdGenerator::next() {
  return nextAt(std::chrono::system_clock::now());
}

std::string QueryIdGenerator::nextAt(std::chrono::system_clock::time_point now) {
  int64_t seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  int64_t day = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
  int64_t secondOfDay = seconds - day * 86400;
  int64_t counter;
  {
    std::lock_guard lock(mutex_);
    if (day != day_) {
      day_ = day;
      counter_ = 0;
    }
    // Five digits as Presto prints them; past 99999 queries a day the counter just grows wider.
    counter = counter_++;
  }
  CivilDate date = civilFromDays(day);
  return fmt::format("{:04}{:02}{:02}_{:02}{:02}{:02}_{:05}_{}", date.year, date.month, date.day, secondOfDay / 3600,
      secondOfDay / 60 % 60, secondOfDay % 60, counter, suffix_);
}

bool isValidQueryId(std::string_view text) {
  // YYYYMMDD_HHMMSS_NNNNN+_suffix
  size_t pos = 0;
  auto digits = [&](size_t minCount, size_t maxCount) {
    size_t start = pos;
    while (pos < text.size() && pos - start < maxCount && text[pos] >= '0' && text[pos] <= '9') {
      ++pos;
    }
    return pos - start >= minCount;
  };
  auto underscore = [&] { return pos < text.size() && text[pos++] == '_'; };
  if (!digits(8, 8) || !underscore() || !digits(6, 6) || !underscore() || !digits(5, 10) || !underscore()) {
    return false;
  }
  if (pos == text.size() || text.size() - pos > 32) {
    return false;
  }
  for (; pos < text.size(); ++pos) {
    char c = text[pos];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
      return false;
    }
  }
  return true;
}

} // namespace presto::server
