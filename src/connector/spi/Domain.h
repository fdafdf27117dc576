#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "type/Value.h"

namespace presto::connector {

/// One end of a range: a value (inclusive or exclusive) or unbounded.
struct Bound {
  std::optional<Value> value;  // nullopt: unbounded
  bool inclusive = false;

  static Bound unbounded() { return {}; }
  static Bound inclusiveAt(Value value) { return {std::move(value), true}; }
  static Bound exclusiveAt(Value value) { return {std::move(value), false}; }
  bool isUnbounded() const { return !value.has_value(); }
  bool operator==(const Bound&) const = default;
};

/// A non-empty interval of values of one type.
struct Range {
  Bound low;
  Bound high;

  static Range all() { return {}; }
  static Range equal(Value value) { return {Bound::inclusiveAt(value), Bound::inclusiveAt(value)}; }
  static Range greaterThan(Value value) { return {Bound::exclusiveAt(std::move(value)), Bound::unbounded()}; }
  static Range greaterThanOrEqual(Value value) { return {Bound::inclusiveAt(std::move(value)), Bound::unbounded()}; }
  static Range lessThan(Value value) { return {Bound::unbounded(), Bound::exclusiveAt(std::move(value))}; }
  static Range lessThanOrEqual(Value value) { return {Bound::unbounded(), Bound::inclusiveAt(std::move(value))}; }
  static Range between(Value low, Value high) { return {Bound::inclusiveAt(std::move(low)), Bound::inclusiveAt(std::move(high))}; }

  bool isSingleValue() const { return low.inclusive && high.inclusive && low.value && high.value && *low.value == *high.value; }
  bool operator==(const Range&) const = default;
};

/// The set of non-null values a column may take: a union of disjoint ranges kept sorted and merged
/// (a discrete value is a single-point range), or everything.
class ValueSet {
 public:
  static ValueSet all(TypePtr type);
  static ValueSet none(TypePtr type);
  static ValueSet ofValues(TypePtr type, const std::vector<Value>& values);
  static ValueSet ofRanges(TypePtr type, std::vector<Range> ranges);

  const TypePtr& type() const { return type_; }
  bool isAll() const;
  bool isNone() const { return ranges_.empty(); }
  bool isSingleValue() const { return ranges_.size() == 1 && ranges_[0].isSingleValue(); }
  /// Whether every range is a single value (an IN list).
  bool isDiscrete() const;
  const std::vector<Range>& ranges() const { return ranges_; }
  bool contains(const Value& value) const;

  ValueSet intersect(const ValueSet& other) const;
  ValueSet unionWith(const ValueSet& other) const;
  std::string toString() const;
  bool operator==(const ValueSet& other) const { return ranges_ == other.ranges_; }

 private:
  ValueSet(TypePtr type, std::vector<Range> ranges) : type_(std::move(type)), ranges_(std::move(ranges)) {}

  TypePtr type_;
  std::vector<Range> ranges_;
};

/// The values one column may take in rows that pass a filter: a value set plus whether NULL passes.
class Domain {
 public:
  Domain(ValueSet values, bool nullAllowed) : values_(std::move(values)), nullAllowed_(nullAllowed) {}

  static Domain all(const TypePtr& type) { return Domain(ValueSet::all(type), true); }
  static Domain none(const TypePtr& type) { return Domain(ValueSet::none(type), false); }
  static Domain onlyNull(const TypePtr& type) { return Domain(ValueSet::none(type), true); }
  static Domain notNull(const TypePtr& type) { return Domain(ValueSet::all(type), false); }
  static Domain singleValue(const TypePtr& type, const Value& value) {
    return Domain(ValueSet::ofValues(type, {value}), false);
  }

  const TypePtr& type() const { return values_.type(); }
  const ValueSet& values() const { return values_; }
  bool nullAllowed() const { return nullAllowed_; }
  bool isAll() const { return nullAllowed_ && values_.isAll(); }
  bool isNone() const { return !nullAllowed_ && values_.isNone(); }
  /// Whether a row with this column value (possibly NULL) passes.
  bool includes(const Value& value) const { return value.isNull() ? nullAllowed_ : values_.contains(value); }

  Domain intersect(const Domain& other) const;
  Domain unionWith(const Domain& other) const;
  std::string toString() const;
  bool operator==(const Domain& other) const = default;

 private:
  ValueSet values_;
  bool nullAllowed_;
};

/// A conjunction of per-column domains (keyed by column name), or `none` (no row passes).
/// Columns without a domain are unconstrained. This is what the engine pushes into connectors.
class TupleDomain {
 public:
  static TupleDomain all() { return TupleDomain(std::map<std::string, Domain>{}); }
  static TupleDomain none() { return TupleDomain(std::nullopt); }
  /// Any `none` domain makes the whole TupleDomain none; `all` domains are dropped.
  static TupleDomain withColumnDomains(std::map<std::string, Domain> domains);

  bool isAll() const { return domains_ && domains_->empty(); }
  bool isNone() const { return !domains_; }
  /// REQUIRES: !isNone().
  const std::map<std::string, Domain>& domains() const { return *domains_; }
  /// The column's domain, or nullopt when unconstrained (or the tuple domain is none).
  std::optional<Domain> domain(const std::string& column) const;

  TupleDomain intersect(const TupleDomain& other) const;
  std::string toString() const;
  bool operator==(const TupleDomain& other) const = default;

 private:
  explicit TupleDomain(std::optional<std::map<std::string, Domain>> domains) : domains_(std::move(domains)) {}

  std::optional<std::map<std::string, Domain>> domains_;
};

} // namespace presto::connector
