#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace presto {

using int128_t = __int128;

/// The logical kinds of Presto's type system. Parametric kinds (decimal, varchar, char, array, map,
/// row) carry their parameters in subclasses of Type.
enum class TypeKind : uint8_t {
  kBoolean,
  kTinyint,
  kSmallint,
  kInteger,
  kBigint,
  kReal,
  kDouble,
  kDecimal,
  kVarchar,
  kChar,
  kVarbinary,
  kDate,
  kTime,
  kTimestamp,
  kTimestampWithTimeZone,
  kIntervalDayTime,
  kIntervalYearMonth,
  kJson,
  kArray,
  kMap,
  kRow,
  kUnknown,
};

class Type;
using TypePtr = std::shared_ptr<const Type>;

/// A SQL type. Types are immutable and shared; compare them with `equals` (or ==/!= on TypePtr via
/// `sameType`). Physical layout in vectors:
///  - boolean: bool; tinyint/smallint/integer/bigint: int8/16/32/64; real: float; double: double
///  - decimal(p,s): int64 unscaled when p <= 18 ("short"), int128 otherwise ("long")
///  - varchar, char, varbinary, json: StringView
///  - date: int32 days since 1970-01-01; time: int64 millis of day; timestamp: int64 millis since the
///    epoch; timestamp with time zone: int64 packing millis UTC << 12 | zone key (as Presto)
///  - interval day to second: int64 millis; interval year to month: int32 months
///  - unknown (the type of NULL literals): no values, every row null.
class Type {
 public:
  explicit Type(TypeKind kind) : kind_(kind) {}
  virtual ~Type() = default;

  TypeKind kind() const { return kind_; }

  /// Presto's type signature text: `bigint`, `decimal(15,2)`, `row(a bigint,b varchar)`.
  virtual std::string toString() const;
  /// Structural equality (row field names included).
  virtual bool equals(const Type& other) const;

  /// Type parameters: the element of an array, key and value of a map, fields of a row.
  const std::vector<TypePtr>& children() const { return children_; }
  const TypePtr& childAt(size_t index) const { return children_.at(index); }

  /// Bytes per value of the physical representation; 0 for variable width and nested types.
  size_t fixedWidthBytes() const;
  bool isFixedWidth() const { return fixedWidthBytes() > 0 || kind_ == TypeKind::kUnknown; }
  bool isPrimitive() const { return kind_ != TypeKind::kArray && kind_ != TypeKind::kMap && kind_ != TypeKind::kRow; }
  bool isStringLike() const;
  bool isIntegral() const;
  bool isNumeric() const;
  bool isOrderable() const;
  bool isComparable() const;
  /// True for decimals stored as int128.
  bool isLongDecimal() const;

 protected:
  const TypeKind kind_;
  std::vector<TypePtr> children_;
};

/// decimal(precision, scale), 1 <= precision <= 38, 0 <= scale <= precision.
class DecimalType : public Type {
 public:
  static constexpr int kMaxPrecision = 38;
  static constexpr int kMaxShortPrecision = 18;
  DecimalType(int precision, int scale);
  int precision() const { return precision_; }
  int scale() const { return scale_; }
  std::string toString() const override;
  bool equals(const Type& other) const override;

 private:
  const int precision_;
  const int scale_;
};

/// varchar (unbounded) or varchar(n); char(n). `length()` is kUnbounded for plain varchar.
class StringType : public Type {
 public:
  static constexpr int32_t kUnbounded = 2147483647;
  StringType(TypeKind kind, int32_t length);
  int32_t length() const { return length_; }
  bool isUnbounded() const { return length_ == kUnbounded; }
  std::string toString() const override;
  bool equals(const Type& other) const override;

 private:
  const int32_t length_;
};

class ArrayType : public Type {
 public:
  explicit ArrayType(TypePtr element);
  const TypePtr& elementType() const { return children_[0]; }
  std::string toString() const override;
};

class MapType : public Type {
 public:
  MapType(TypePtr key, TypePtr value);
  const TypePtr& keyType() const { return children_[0]; }
  const TypePtr& valueType() const { return children_[1]; }
  std::string toString() const override;
};

/// row(name type, ...); field names may be empty (anonymous fields).
class RowType : public Type {
 public:
  RowType(std::vector<std::string> names, std::vector<TypePtr> types);
  const std::vector<std::string>& names() const { return names_; }
  const std::string& nameOf(size_t index) const { return names_.at(index); }
  /// Index of the field called `name` (case-insensitive), or -1.
  int32_t fieldIndex(const std::string& name) const;
  size_t size() const { return children_.size(); }
  std::string toString() const override;
  bool equals(const Type& other) const override;

 private:
  const std::vector<std::string> names_;
};

// Singletons and factories.
TypePtr BOOLEAN();
TypePtr TINYINT();
TypePtr SMALLINT();
TypePtr INTEGER();
TypePtr BIGINT();
TypePtr REAL();
TypePtr DOUBLE();
TypePtr VARCHAR();
TypePtr VARBINARY();
TypePtr DATE();
TypePtr TIME();
TypePtr TIMESTAMP();
TypePtr TIMESTAMP_WITH_TIME_ZONE();
TypePtr INTERVAL_DAY_TIME();
TypePtr INTERVAL_YEAR_MONTH();
TypePtr JSON();
TypePtr UNKNOWN();
TypePtr DECIMAL(int precision, int scale);
TypePtr VARCHAR(int32_t length);
TypePtr CHAR(int32_t length);
TypePtr ARRAY(TypePtr element);
TypePtr MAP(TypePtr key, TypePtr value);
TypePtr ROW(std::vector<std::string> names, std::vector<TypePtr> types);
/// A row with anonymous fields.
TypePtr ROW(std::vector<TypePtr> types);

/// Null-safe structural equality of two type pointers.
bool sameType(const TypePtr& left, const TypePtr& right);

/// Downcasts, checked: asDecimal(BIGINT()) is an internal error.
const DecimalType& asDecimal(const Type& type);
const StringType& asString(const Type& type);
const RowType& asRow(const Type& type);

} // namespace presto
