#include <gtest/gtest.h>
#include <xxhash.h>

#include "AggregateTestBase.h"

namespace presto::test {
namespace {

class AggregateTest : public AggregateTestBase {};

TEST_F(AggregateTest, checksum) {
  // Presto's checksum: the wrapping sum over the rows of xxHash64(value) * 0x9E3779B185EBCA87 (the
  // constant alone for a NULL), as 8 little-endian bytes. The hashes come from the xxHash library.
  const uint64_t prime = 0x9E3779B185EBCA87ULL;
  auto hashOf = [](int64_t value) { return XXH64(&value, sizeof(value), 0); };
  auto bytesOf = [](uint64_t sum) {
    std::string bytes(8, '\0');
    for (int i = 0; i < 8; ++i) {
      bytes[static_cast<size_t>(i)] = static_cast<char>((sum >> (8 * i)) & 0xff);
    }
    return bytes;
  };
  auto rows = std::vector<Value>{Value(int64_t{1}), Value(), Value(int64_t{2})};
  EXPECT_EQ(aggregate("checksum", BIGINT(), rows).as<std::string>(), bytesOf(hashOf(1) * prime + hashOf(2) * prime + prime));
  // The order of the rows does not matter.
  EXPECT_EQ(aggregate("checksum", BIGINT(), {Value(int64_t{2}), Value(), Value(int64_t{1})}),
      aggregate("checksum", BIGINT(), rows));
  // Strings hash their bytes; only NULLs give the constant per row; no rows give NULL.
  EXPECT_EQ(aggregate("checksum", VARCHAR(), {Value("abc")}).as<std::string>(), bytesOf(XXH64("abc", 3, 0) * prime));
  EXPECT_EQ(aggregate("checksum", BIGINT(), {Value(), Value()}).as<std::string>(), bytesOf(2 * prime));
  EXPECT_TRUE(aggregate("checksum", BIGINT(), {}).isNull());
  EXPECT_EQ(resultType("checksum", {DOUBLE()})->toString(), "varbinary");
}

TEST_F(AggregateTest, counts) {
  EXPECT_EQ(aggregate("count", nullptr, {Value(), Value(), Value()}), Value(int64_t{3}));
  EXPECT_EQ(aggregate("count", BIGINT(), {int64_t{1}, Value(), int64_t{3}}), Value(int64_t{2}));
  EXPECT_EQ(aggregate("count", VARCHAR(), {}), Value(int64_t{0}));
  EXPECT_EQ(aggregate("count_if", BOOLEAN(), {true, false, Value(), true}), Value(int64_t{2}));
}

TEST_F(AggregateTest, sums) {
  EXPECT_EQ(aggregate("sum", BIGINT(), {int64_t{1}, Value(), int64_t{3}, int64_t{-10}}), Value(int64_t{-6}));
  EXPECT_EQ(aggregate("sum", INTEGER(), {int64_t{2}, int64_t{3}}), Value(int64_t{5}));
  EXPECT_EQ(aggregate("sum", BIGINT(), {Value(), Value()}), Value());
  EXPECT_EQ(aggregate("sum", DOUBLE(), {1.5, 2.25}), Value(3.75));
  // decimal(12,2) sums exactly into decimal(38,2)
  EXPECT_EQ(aggregate("sum", DECIMAL(12, 2), {int64_t{999999999999}, int64_t{999999999999}, int64_t{1}}),
      Value(int128_t{1999999999999}));
  EXPECT_THROW(aggregate("sum", BIGINT(), {int64_t{INT64_MAX}, int64_t{1}}), PrestoException);
}

TEST_F(AggregateTest, averages) {
  EXPECT_EQ(aggregate("avg", BIGINT(), {int64_t{1}, int64_t{2}, Value(), int64_t{4}}), Value(7.0 / 3.0));
  EXPECT_EQ(aggregate("avg", DOUBLE(), {Value()}), Value());
  // avg of decimal(4,2) 1.00, 2.00, 2.00 = 1.666.. -> 1.67 (half up at the input scale)
  EXPECT_EQ(aggregate("avg", DECIMAL(4, 2), {int64_t{100}, int64_t{200}, int64_t{200}}), Value(int64_t{167}));
  EXPECT_EQ(aggregate("avg", DECIMAL(4, 2), {int64_t{-100}, int64_t{-200}, int64_t{-200}}), Value(int64_t{-167}));
}

TEST_F(AggregateTest, extremesAndBooleans) {
  EXPECT_EQ(aggregate("min", BIGINT(), {int64_t{5}, Value(), int64_t{-2}, int64_t{9}}), Value(int64_t{-2}));
  EXPECT_EQ(aggregate("max", BIGINT(), {int64_t{5}, Value(), int64_t{-2}, int64_t{9}}), Value(int64_t{9}));
  EXPECT_EQ(aggregate("max", VARCHAR(), {"apple", "pear", "banana and a long tail"}), Value("pear"));
  EXPECT_EQ(aggregate("min", DATE(), {int64_t{10}, int64_t{3}}), Value(int64_t{3}));
  EXPECT_EQ(aggregate("max", DOUBLE(), {Value()}), Value());
  EXPECT_EQ(aggregate("bool_and", BOOLEAN(), {true, Value(), false}), Value(false));
  EXPECT_EQ(aggregate("every", BOOLEAN(), {true, true}), Value(true));
  EXPECT_EQ(aggregate("bool_or", BOOLEAN(), {false, Value(), true}), Value(true));
  EXPECT_EQ(aggregate("arbitrary", BIGINT(), {Value(), int64_t{4}}), Value(int64_t{4}));
  EXPECT_EQ(aggregate("any_value", VARCHAR(), {Value(), "x", Value()}), Value("x"));
  EXPECT_EQ(aggregate("any_value", BIGINT(), {Value(), Value()}), Value());
}

} // namespace
} // namespace presto::test
