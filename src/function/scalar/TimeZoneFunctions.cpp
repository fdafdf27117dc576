#include <cmath>

#include "function/BuiltinFunctions.h"
#include "function/SimpleFunction.h"
#include "type/DateTime.h"
#include "type/TimeZoneKey.h"

namespace presto {
namespace {

FunctionMetadata describe(std::string description) {
  return {FunctionKind::kScalar, true, std::move(description), false};
}

/// Presto's error for a zone id it does not know (NOT_SUPPORTED, so TRY does not hide it).
CallStatus unsupportedZone(std::string_view zoneId) {
  return CallStatus::error(errors::NOT_SUPPORTED, fmt::format("Time zone not supported: {}", zoneId));
}

/// Looks up a zone argument: once when it is constant, otherwise per row.
class ZoneArgument {
 public:
  void initialize(const FunctionBinding& binding, size_t argument) {
    const Value* constant = binding.constantAt(argument);
    if (constant && !constant->isNull()) {
      constant_ = true;
      constantKey_ = timeZoneKeyOf(constant->as<std::string>());
    }
  }

  CallStatus lookup(StringView zoneId, TimeZoneKey& key) const {
    auto found = constant_ ? constantKey_ : timeZoneKeyOf(zoneId.view());
    if (!found) return unsupportedZone(zoneId.view());
    key = *found;
    return CallStatus::value();
  }

 private:
  bool constant_ = false;
  std::optional<TimeZoneKey> constantKey_;
};

/// at_timezone(timestamp with time zone, zone): the same instant, shown in another zone
/// (`x AT TIME ZONE 'America/Los_Angeles'`).
struct AtTimeZoneFunction {
  void initialize(const FunctionBinding& binding) { zone_.initialize(binding, 1); }

  CallStatus call(int64_t& out, int64_t packed, StringView zoneId) const {
    TimeZoneKey key = kUtcZoneKey;
    if (auto status = zone_.lookup(zoneId, key); !status.isValue()) return status;
    out = packTimestampWithTimeZone(unpackMillisUtc(packed), key);
    return CallStatus::value();
  }

  ZoneArgument zone_;
};

/// at_timezone(timestamp with time zone, interval day to second): the zone of a fixed offset
/// (`x AT TIME ZONE INTERVAL '-08:00' HOUR TO MINUTE`).
struct AtTimeZoneOffsetFunction {
  CallStatus call(int64_t& out, int64_t packed, int64_t offsetMillis) const {
    if (offsetMillis % 60'000 != 0) {
      return CallStatus::error(errors::INVALID_FUNCTION_ARGUMENT, "Invalid time zone offset interval: interval contains seconds");
    }
    auto key = timeZoneKeyForOffset(offsetMillis / 60'000);
    if (!key) {
      return CallStatus::error(errors::INVALID_FUNCTION_ARGUMENT, fmt::format("Invalid offset minutes {}", offsetMillis / 60'000));
    }
    out = packTimestampWithTimeZone(unpackMillisUtc(packed), *key);
    return CallStatus::value();
  }
};

/// with_timezone(timestamp, zone): the wall-clock time taken as a time in the zone.
struct WithTimeZoneFunction {
  void initialize(const FunctionBinding& binding) { zone_.initialize(binding, 1); }

  CallStatus call(int64_t& out, int64_t localMillis, StringView zoneId) const {
    TimeZoneKey key = kUtcZoneKey;
    if (auto status = zone_.lookup(zoneId, key); !status.isValue()) return status;
    out = packTimestampWithTimeZone(localToUtcMillis(key, localMillis), key);
    return CallStatus::value();
  }

  ZoneArgument zone_;
};

/// from_unixtime(seconds, zone): the instant shown in the zone.
struct FromUnixtimeInZoneFunction {
  void initialize(const FunctionBinding& binding) { zone_.initialize(binding, 1); }

  CallStatus call(int64_t& out, double seconds, StringView zoneId) const {
    TimeZoneKey key = kUtcZoneKey;
    if (auto status = zone_.lookup(zoneId, key); !status.isValue()) return status;
    out = packTimestampWithTimeZone(static_cast<int64_t>(std::floor(seconds * 1000.0 + 0.5)), key);
    return CallStatus::value();
  }

  ZoneArgument zone_;
};

struct ZonedToUnixtimeFunction {
  void call(double& out, int64_t packed) const { out = static_cast<double>(unpackMillisUtc(packed)) / 1000.0; }
};

/// timezone_hour / timezone_minute: the hour and minute parts of the zone's offset at the instant
/// (both negative west of UTC).
template <bool kHour>
struct TimeZoneOffsetPartFunction {
  void call(int64_t& out, int64_t packed) const {
    int64_t minutes = zoneOffsetMillis(unpackZoneKey(packed), unpackMillisUtc(packed)) / 60'000;
    out = kHour ? minutes / 60 : minutes % 60;
  }
};

} // namespace

void registerTimeZoneFunctions(FunctionRegistry& registry) {
  registerSimple<AtTimeZoneFunction, int64_t, int64_t, StringView>(registry, "at_timezone",
      {"timestamp with time zone", "varchar"}, "timestamp with time zone", describe("the same instant in another time zone"));
  registerSimple<AtTimeZoneOffsetFunction, int64_t, int64_t, int64_t>(registry, "at_timezone",
      {"timestamp with time zone", "interval day to second"}, "timestamp with time zone",
      describe("the same instant at a fixed offset from UTC"));
  registerSimple<WithTimeZoneFunction, int64_t, int64_t, StringView>(registry, "with_timezone", {"timestamp", "varchar"},
      "timestamp with time zone", describe("the wall-clock time taken in a time zone"));
  registerSimple<FromUnixtimeInZoneFunction, int64_t, double, StringView>(registry, "from_unixtime", {"double", "varchar"},
      "timestamp with time zone", describe("timestamp of unix seconds in a time zone"));
  registerSimple<ZonedToUnixtimeFunction, double, int64_t>(
      registry, "to_unixtime", {"timestamp with time zone"}, "double", describe("unix seconds of a timestamp"));
  registerSimple<TimeZoneOffsetPartFunction<true>, int64_t, int64_t>(
      registry, "timezone_hour", {"timestamp with time zone"}, "bigint", describe("hours of the time zone offset"));
  registerSimple<TimeZoneOffsetPartFunction<false>, int64_t, int64_t>(
      registry, "timezone_minute", {"timestamp with time zone"}, "bigint", describe("minutes of the time zone offset"));
}

} // namespace presto
