#include "connector/spi/Domain.h"

#include <algorithm>

#include "common/Check.h"

namespace presto::connector {
namespace {

// Orders lower bounds: unbounded first; at equal values an inclusive bound starts earlier.
int compareLow(const Type& type, const Bound& left, const Bound& right) {
  if (left.isUnbounded() || right.isUnbounded()) {
    return left.isUnbounded() == right.isUnbounded() ? 0 : (left.isUnbounded() ? -1 : 1);
  }
  int result = compareValues(type, *left.value, *right.value);
  if (result != 0 || left.inclusive == right.inclusive) {
    return result;
  }
  return left.inclusive ? -1 : 1;
}

// Orders upper bounds: unbounded last; at equal values an inclusive bound ends later.
int compareHigh(const Type& type, const Bound& left, const Bound& right) {
  if (left.isUnbounded() || right.isUnbounded()) {
    return left.isUnbounded() == right.isUnbounded() ? 0 : (left.isUnbounded() ? 1 : -1);
  }
  int result = compareValues(type, *left.value, *right.value);
  if (result != 0 || left.inclusive == right.inclusive) {
    return result;
  }
  return left.inclusive ? 1 : -1;
}

bool isEmpty(const Type& type, const Range& range) {
  if (range.low.isUnbounded() || range.high.isUnbounded()) {
    return false;
  }
  int result = compareValues(type, *range.low.value, *range.high.value);
  return result > 0 || (result == 0 && !(range.low.inclusive && range.high.inclusive));
}

// Whether `next` (starting at or after `current`) overlaps or touches `current`, so the two merge.
bool overlapsOrTouches(const Type& type, const Range& current, const Range& next) {
  if (current.high.isUnbounded() || next.low.isUnbounded()) {
    return true;
  }
  int result = compareValues(type, *next.low.value, *current.high.value);
  return result < 0 || (result == 0 && (next.low.inclusive || current.high.inclusive));
}

std::vector<Range> normalize(const Type& type, std::vector<Range> ranges) {
  std::erase_if(ranges, [&](const Range& range) { return isEmpty(type, range); });
  std::sort(ranges.begin(), ranges.end(),
      [&](const Range& left, const Range& right) { return compareLow(type, left.low, right.low) < 0; });
  std::vector<Range> merged;
  for (auto& range : ranges) {
    if (!merged.empty() && overlapsOrTouches(type, merged.back(), range)) {
      if (compareHigh(type, range.high, merged.back().high) > 0) {
        merged.back().high = range.high;
      }
    } else {
      merged.push_back(std::move(range));
    }
  }
  return merged;
}

std::string boundText(const Type& type, const Bound& bound) {
  return bound.isUnbounded() ? "<unbounded>" : bound.value->toString(type);
}

} // namespace

ValueSet ValueSet::all(TypePtr type) {
  return ValueSet(std::move(type), {Range::all()});
}

ValueSet ValueSet::none(TypePtr type) {
  return ValueSet(std::move(type), {});
}

ValueSet ValueSet::ofValues(TypePtr type, const std::vector<Value>& values) {
  std::vector<Range> ranges;
  for (const auto& value : values) {
    PRESTO_CHECK(!value.isNull(), "value sets hold no NULL");
    ranges.push_back(Range::equal(value));
  }
  return ofRanges(std::move(type), std::move(ranges));
}

ValueSet ValueSet::ofRanges(TypePtr type, std::vector<Range> ranges) {
  PRESTO_CHECK(type->isOrderable(), "ranges over unorderable type {}", type->toString());
  auto normalized = normalize(*type, std::move(ranges));
  return ValueSet(std::move(type), std::move(normalized));
}

bool ValueSet::isAll() const {
  return ranges_.size() == 1 && ranges_[0].low.isUnbounded() && ranges_[0].high.isUnbounded();
}

bool ValueSet::isDiscrete() const {
  return !ranges_.empty() && std::all_of(ranges_.begin(), ranges_.end(), [](const Range& r) { return r.isSingleValue(); });
}

bool ValueSet::contains(const Value& value) const {
  Range point = Range::equal(value);
  return std::any_of(ranges_.begin(), ranges_.end(), [&](const Range& range) {
    return compareLow(*type_, range.low, point.low) <= 0 && compareHigh(*type_, range.high, point.high) >= 0;
  });
}

ValueSet ValueSet::intersect(const ValueSet& other) const {
  std::vector<Range> result;
  for (const auto& left : ranges_) {
    for (const auto& right : other.ranges_) {
      Range range{compareLow(*type_, left.low, right.low) >= 0 ? left.low : right.low,
          compareHigh(*type_, left.high, right.high) <= 0 ? left.high : right.high};
      result.push_back(std::move(range));
    }
  }
  return ValueSet(type_, normalize(*type_, std::move(result)));
}

ValueSet ValueSet::unionWith(const ValueSet& other) const {
  auto ranges = ranges_;
  ranges.insert(ranges.end(), other.ranges_.begin(), other.ranges_.end());
  return ValueSet(type_, normalize(*type_, std::move(ranges)));
}

std::string ValueSet::toString() const {
  if (isAll()) return "ALL";
  if (isNone()) return "NONE";
  std::string result;
  for (const auto& range : ranges_) {
    if (!result.empty()) result += ", ";
    if (range.isSingleValue()) {
      result += range.low.value->toString(*type_);
    } else {
      result += (range.low.inclusive ? "[" : "(") + boundText(*type_, range.low) + ", " +
          boundText(*type_, range.high) + (range.high.inclusive ? "]" : ")");
    }
  }
  return "{" + result + "}";
}

Domain Domain::intersect(const Domain& other) const {
  return Domain(values_.intersect(other.values_), nullAllowed_ && other.nullAllowed_);
}

Domain Domain::unionWith(const Domain& other) const {
  return Domain(values_.unionWith(other.values_), nullAllowed_ || other.nullAllowed_);
}

std::string Domain::toString() const {
  return values_.toString() + (nullAllowed_ ? " OR NULL" : "");
}

TupleDomain TupleDomain::withColumnDomains(std::map<std::string, Domain> domains) {
  std::map<std::string, Domain> kept;
  for (auto& [column, domain] : domains) {
    if (domain.isNone()) {
      return none();
    }
    if (!domain.isAll()) {
      kept.emplace(column, std::move(domain));
    }
  }
  return TupleDomain(std::move(kept));
}

std::optional<Domain> TupleDomain::domain(const std::string& column) const {
  if (!domains_) {
    return std::nullopt;
  }
  auto it = domains_->find(column);
  return it == domains_->end() ? std::nullopt : std::optional<Domain>(it->second);
}

TupleDomain TupleDomain::intersect(const TupleDomain& other) const {
  if (isNone() || other.isNone()) {
    return none();
  }
  auto result = *domains_;
  for (const auto& [column, domain] : *other.domains_) {
    auto it = result.find(column);
    if (it == result.end()) {
      result.emplace(column, domain);
    } else {
      it->second = it->second.intersect(domain);
    }
  }
  return withColumnDomains(std::move(result));
}

std::string TupleDomain::toString() const {
  if (isNone()) return "NONE";
  if (isAll()) return "ALL";
  std::string result;
  for (const auto& [column, domain] : *domains_) {
    result += (result.empty() ? "" : ", ") + column + " => " + domain.toString();
  }
  return "{" + result + "}";
}

} // namespace presto::connector
