#include <charconv>

#include "function/scalar/CastKernel.h"
#include "function/scalar/DoubleFormat.h"
#include "type/DateTime.h"
#include "type/Decimal.h"
#include "type/TimeZoneKey.h"
#include "vector/TypeDispatch.h"

namespace presto {
namespace {

/// Truncates to `length` code points (varchar(n), char(n)).
void truncateTo(std::string& text, int32_t length) {
  if (length == StringType::kUnbounded || static_cast<int64_t>(text.size()) <= length) {
    return;
  }
  int32_t codePoints = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (codePoints == length) {
        text.resize(i);
        return;
      }
      ++codePoints;
    }
  }
}

template <typename From>
struct ToStringConverter {
  TypeKind fromKind;
  int scale;
  int32_t length;

  bool operator()(From value, StringView&, std::string& text) const {
    if constexpr (std::is_same_v<From, StringView>) {
      text.assign(value.view());
    } else if constexpr (std::is_same_v<From, bool>) {
      text = value ? "true" : "false";
    } else if constexpr (std::is_same_v<From, double>) {
      text = formatDouble(value);
    } else if constexpr (std::is_same_v<From, float>) {
      text = formatReal(value);
    } else {
      switch (fromKind) {
        case TypeKind::kDecimal: text = formatDecimal(static_cast<int128_t>(value), scale); break;
        case TypeKind::kDate: text = formatDate(static_cast<int32_t>(value)); break;
        case TypeKind::kTimestamp: text = formatTimestamp(static_cast<int64_t>(value)); break;
        case TypeKind::kTimestampWithTimeZone: text = formatTimestampWithTimeZone(static_cast<int64_t>(value)); break;
        case TypeKind::kTime: text = formatTime(static_cast<int64_t>(value)); break;
        default: {
          char buffer[48];
          if constexpr (std::is_same_v<From, int128_t>) {
            text = int128ToString(value);
          } else {
            auto [end, error] = std::to_chars(buffer, buffer + sizeof(buffer), static_cast<int64_t>(value));
            text.assign(buffer, end);
          }
        }
      }
    }
    truncateTo(text, length);
    return true;
  }
  CastFailure failure(From) const { return {&errors::INVALID_CAST_ARGUMENT, "cast to varchar failed"}; }
};

} // namespace

VectorFunctionPtr makeCastToString(const TypePtr& from, const TypePtr& to) {
  switch (from->kind()) {
    case TypeKind::kIntervalDayTime:
    case TypeKind::kIntervalYearMonth:
    case TypeKind::kVarbinary: return nullptr;
    default: break;
  }
  int scale = from->kind() == TypeKind::kDecimal ? asDecimal(*from).scale() : 0;
  int32_t length = asString(*to).length();
  return dispatchScalar(*from, [&](auto tag) -> VectorFunctionPtr {
    using From = typename decltype(tag)::type;
    return makeCastKernel<From, StringView>(ToStringConverter<From>{from->kind(), scale, length});
  });
}

} // namespace presto
