#pragma once

#include <optional>

#include "type/Type.h"

namespace presto {

/// Presto's implicit coercion rules.
///
/// Numeric widening: tinyint -> smallint -> integer -> bigint -> real -> double, integers to the
/// decimals that hold them (decimal(3,0), (5,0), (10,0), (19,0)), decimals to wider decimals, real
/// and double. Strings: varchar(n) -> varchar(m >= n) -> varchar, varchar -> char, char(n) -> char(m).
/// Time: date -> timestamp -> timestamp with time zone. `unknown` (NULL) coerces to everything.
/// array, map and row coerce element-wise.
class TypeCoercion {
 public:
  /// The narrowest type both `left` and `right` coerce to, if any.
  static std::optional<TypePtr> commonSuperType(const TypePtr& left, const TypePtr& right);

  /// Whether a value of type `from` may be used where `to` is expected without an explicit CAST.
  static bool canCoerce(const TypePtr& from, const TypePtr& to);

  /// The decimal type that holds every value of an integral type exactly (bigint -> decimal(19,0)).
  static TypePtr integralToDecimal(const Type& integral);
};

} // namespace presto
