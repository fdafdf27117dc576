#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "function/CallStatus.h"
#include "type/TimeZoneKey.h"

namespace presto {

/// A compiled Joda-Time DateTimeFormat pattern, shared by format_datetime and parse_datetime.
/// Letters: y Y (year), M (MM number, MMM short name, MMMM name), d (day of month), D (day of year),
/// E (EEE short day name, EEEE name), e (ISO day of week number), a (AM/PM), H (0-23), k (1-24),
/// h (1-12), K (0-11), m, s, S (fraction of a second), Z (offset +0800), ZZ (offset +08:00),
/// ZZZ (zone id); 'quoted text' ('' is a quote); other non-letters stand for themselves.
/// Immutable after compile, so one instance may serve all rows and threads.
class JodaPattern {
 public:
  /// Compiles `pattern`; an unknown letter is INVALID_FUNCTION_ARGUMENT `Illegal pattern component: QQ`.
  static CallStatus compile(std::string_view pattern, JodaPattern& out);

  /// Appends the wall-clock time `localMillis` of a value in `zone`, which is `offsetMillis` ahead
  /// of UTC at that moment.
  void format(int64_t localMillis, TimeZoneKey zone, int64_t offsetMillis, std::string& out) const;

  /// Parses `text` into a packed timestamp with time zone. The zone is the one the text names (Z,
  /// ZZ, ZZZ) or else UTC; missing fields default to 1970-01-01 00:00:00.000. Failures are
  /// INVALID_FUNCTION_ARGUMENT with Joda-Time's messages (`Invalid format: "x" is malformed at "x"`,
  /// `Cannot parse "2020-13": Value 13 for monthOfYear must be in the range [1,12]`).
  CallStatus parse(std::string_view text, int64_t& packed) const;

 private:
  /// A run of one pattern letter (`yyyy`), or literal text when `letter` is 0.
  struct Token {
    char letter = 0;
    size_t count = 0;
    std::string text;
  };

  bool isNumericAt(size_t index) const;

  std::vector<Token> tokens_;
};

} // namespace presto
