#pragma once

#include <type_traits>

#include "common/Check.h"
#include "type/Type.h"
#include "vector/StringView.h"

namespace presto {

/// How values of a type are laid out in a flat vector.
enum class PhysicalKind : uint8_t {
  kBool,
  kInt8,
  kInt16,
  kInt32,
  kInt64,
  kInt128,
  kFloat,
  kDouble,
  kString,
  kArray,
  kMap,
  kRow,
  kUnknown,
};

PhysicalKind physicalKind(const Type& type);

/// Calls `func(std::type_identity<T>{})` with T the C++ value type of a primitive type's flat
/// vector (bool, int8_t .. int128_t, float, double, StringView). `unknown` dispatches as int8_t
/// (its vectors hold only nulls). Nested types are an internal error.
template <typename Func>
decltype(auto) dispatchScalar(const Type& type, Func&& func) {
  switch (physicalKind(type)) {
    case PhysicalKind::kBool: return func(std::type_identity<bool>{});
    case PhysicalKind::kInt8:
    case PhysicalKind::kUnknown: return func(std::type_identity<int8_t>{});
    case PhysicalKind::kInt16: return func(std::type_identity<int16_t>{});
    case PhysicalKind::kInt32: return func(std::type_identity<int32_t>{});
    case PhysicalKind::kInt64: return func(std::type_identity<int64_t>{});
    case PhysicalKind::kInt128: return func(std::type_identity<int128_t>{});
    case PhysicalKind::kFloat: return func(std::type_identity<float>{});
    case PhysicalKind::kDouble: return func(std::type_identity<double>{});
    case PhysicalKind::kString: return func(std::type_identity<StringView>{});
    default: PRESTO_FAIL("{} is not a primitive type", type.toString());
  }
}

} // namespace presto
