#pragma once

#include <string>
#include <variant>
#include <vector>

#include "type/Type.h"

namespace presto {

class Value;

/// Elements of an array value.
struct ArrayValue {
  std::vector<Value> elements;
};

/// Entries of a map value, as parallel key and value lists in insertion order.
struct MapValue {
  std::vector<Value> keys;
  std::vector<Value> values;
};

/// Fields of a row value, in declaration order.
struct RowValue {
  std::vector<Value> fields;
};

/// One SQL value, detached from any vector: constants in plans, literals, test data and the slow
/// generic paths (result formatting). A Value does not know its type; whoever holds one holds the
/// type beside it. Physical representations follow Type's layout rules: every integer-like type
/// (tinyint .. bigint, date, time, timestamp, intervals, short decimals) is an int64; long decimals
/// are int128; strings and varbinary are std::string.
class Value {
 public:
  using Storage =
      std::variant<std::monostate, bool, int64_t, int128_t, float, double, std::string, ArrayValue, MapValue, RowValue>;

  /// NULL.
  Value() = default;
  Value(bool value) : storage_(value) {}
  Value(int32_t value) : storage_(static_cast<int64_t>(value)) {}
  Value(int64_t value) : storage_(value) {}
  Value(int128_t value) : storage_(value) {}
  Value(float value) : storage_(value) {}
  Value(double value) : storage_(value) {}
  Value(std::string value) : storage_(std::move(value)) {}
  Value(const char* value) : storage_(std::string(value)) {}
  Value(ArrayValue value) : storage_(std::move(value)) {}
  Value(MapValue value) : storage_(std::move(value)) {}
  Value(RowValue value) : storage_(std::move(value)) {}

  static Value null() { return Value(); }
  static Value array(std::vector<Value> elements) { return Value(ArrayValue{std::move(elements)}); }
  static Value map(std::vector<Value> keys, std::vector<Value> values) {
    return Value(MapValue{std::move(keys), std::move(values)});
  }
  static Value row(std::vector<Value> fields) { return Value(RowValue{std::move(fields)}); }

  bool isNull() const { return std::holds_alternative<std::monostate>(storage_); }

  template <typename T>
  const T& as() const {
    return std::get<T>(storage_);
  }
  template <typename T>
  bool holds() const {
    return std::holds_alternative<T>(storage_);
  }
  const Storage& storage() const { return storage_; }

  /// Renders the value of `type` as Presto's CLI shows it (`2024-01-31`, `12.50`, `[1, 2]`, `{a=1}`).
  std::string toString(const Type& type) const;

  bool operator==(const Value& other) const;

 private:
  Storage storage_;
};

/// Orders two non-null values of `type` (negative, zero, positive). Strings compare bytewise;
/// arrays and rows lexicographically. REQUIRES: neither value is null and the type is orderable.
int compareValues(const Type& type, const Value& left, const Value& right);

bool operator==(const ArrayValue& left, const ArrayValue& right);
bool operator==(const MapValue& left, const MapValue& right);
bool operator==(const RowValue& left, const RowValue& right);

} // namespace presto
