#include <gtest/gtest.h>

#include "connector/spi/Domain.h"

namespace presto::connector {
namespace {

Value v(int64_t value) {
  return Value(value);
}

TEST(DomainTest, rangesNormalizeAndMerge) {
  auto set = ValueSet::ofRanges(BIGINT(),
      {Range::between(v(5), v(10)), Range::between(v(1), v(3)), Range::between(v(8), v(20)), Range::equal(v(3))});
  EXPECT_EQ(set.toString(), "{[1, 3], [5, 20]}");
  // Touching ranges merge when one side is inclusive; two exclusive ends leave a gap.
  auto touching = ValueSet::ofRanges(BIGINT(), {Range::lessThan(v(5)), Range::greaterThanOrEqual(v(5))});
  EXPECT_TRUE(touching.isAll());
  auto gap = ValueSet::ofRanges(BIGINT(), {Range::lessThan(v(5)), Range::greaterThan(v(5))});
  EXPECT_EQ(gap.toString(), "{(<unbounded>, 5), (5, <unbounded>)}");
  EXPECT_FALSE(gap.contains(v(5)));
  EXPECT_TRUE(gap.contains(v(4)));
  // Empty ranges vanish.
  auto empty = ValueSet::ofRanges(BIGINT(), {Range{Bound::exclusiveAt(v(3)), Bound::exclusiveAt(v(3))}});
  EXPECT_TRUE(empty.isNone());
}

TEST(DomainTest, discreteValuesAndIntersection) {
  auto in = ValueSet::ofValues(VARCHAR(), {Value("MAIL"), Value("SHIP"), Value("AIR"), Value("MAIL")});
  EXPECT_TRUE(in.isDiscrete());
  EXPECT_EQ(in.toString(), "{AIR, MAIL, SHIP}");
  auto range = ValueSet::ofRanges(VARCHAR(), {Range::greaterThan(Value("AIR"))});
  EXPECT_EQ(in.intersect(range).toString(), "{MAIL, SHIP}");
  EXPECT_EQ(in.unionWith(range).toString(), "{[AIR, <unbounded>)}");
  auto dates = ValueSet::ofRanges(DATE(), {Range{Bound::inclusiveAt(v(8766)), Bound::exclusiveAt(v(9131))}});
  EXPECT_EQ(dates.toString(), "{[1994-01-01, 1995-01-01)}");
  EXPECT_TRUE(dates.intersect(ValueSet::ofValues(DATE(), {v(9131)})).isNone());
}

TEST(DomainTest, nullHandling) {
  auto domain = Domain::singleValue(BIGINT(), v(7));
  EXPECT_FALSE(domain.includes(Value()));
  EXPECT_TRUE(domain.includes(v(7)));
  auto withNull = domain.unionWith(Domain::onlyNull(BIGINT()));
  EXPECT_TRUE(withNull.includes(Value()));
  EXPECT_EQ(withNull.toString(), "{7} OR NULL");
  EXPECT_TRUE(Domain::notNull(BIGINT()).intersect(Domain::onlyNull(BIGINT())).isNone());
  EXPECT_TRUE(Domain::all(BIGINT()).isAll());
}

TEST(DomainTest, tupleDomains) {
  auto left = TupleDomain::withColumnDomains({{"a", Domain(ValueSet::ofRanges(BIGINT(), {Range::greaterThan(v(1))}), false)},
      {"b", Domain::all(VARCHAR())}});
  EXPECT_EQ(left.toString(), "{a => {(1, <unbounded>)}}");
  EXPECT_FALSE(left.domain("b").has_value());
  auto right = TupleDomain::withColumnDomains({{"a", Domain(ValueSet::ofRanges(BIGINT(), {Range::lessThan(v(10))}), true)},
      {"c", Domain::singleValue(BIGINT(), v(3))}});
  auto both = left.intersect(right);
  EXPECT_EQ(both.toString(), "{a => {(1, 10)}, c => {3}}");
  auto contradiction = both.intersect(TupleDomain::withColumnDomains({{"c", Domain::singleValue(BIGINT(), v(4))}}));
  EXPECT_TRUE(contradiction.isNone());
  EXPECT_TRUE(TupleDomain::all().intersect(TupleDomain::none()).isNone());
  EXPECT_TRUE(TupleDomain::all().isAll());
}

} // namespace
} // namespace presto::connector
