#include <gtest/gtest.h>

#include "vector/SelectivityVector.h"

namespace presto {
namespace {

std::vector<vector_size_t> selected(const SelectivityVector& rows) {
  std::vector<vector_size_t> result;
  rows.applyToSelected([&](vector_size_t row) { result.push_back(row); });
  return result;
}

TEST(SelectivityVectorTest, allAndNone) {
  SelectivityVector all(130);
  EXPECT_TRUE(all.isAllSelected());
  EXPECT_EQ(all.countSelected(), 130);
  EXPECT_EQ(selected(all).size(), 130u);
  SelectivityVector none(130, false);
  EXPECT_FALSE(none.hasSelections());
  EXPECT_EQ(none.countSelected(), 0);
  EXPECT_TRUE(selected(none).empty());
  SelectivityVector empty(0);
  EXPECT_EQ(empty.countSelected(), 0);
}

TEST(SelectivityVectorTest, narrowAndBounds) {
  SelectivityVector rows(200);
  rows.setValid(0, false);
  rows.setValid(199, false);
  rows.setValidRange(64, 128, false);
  rows.updateBounds();
  EXPECT_EQ(rows.begin(), 1);
  EXPECT_EQ(rows.end(), 199);
  EXPECT_FALSE(rows.isAllSelected());
  EXPECT_EQ(rows.countSelected(), 200 - 2 - 64);
  SelectivityVector other(200, false);
  other.setValid(5, true);
  other.setValid(70, true);
  other.setValid(150, true);
  other.updateBounds();
  rows.intersect(other);
  EXPECT_EQ(selected(rows), (std::vector<vector_size_t>{5, 150}));
  std::vector<uint64_t> nulls(4, 0);
  bits::setBit(nulls.data(), 150);
  rows.deselect(nulls.data());
  EXPECT_EQ(selected(rows), (std::vector<vector_size_t>{5}));
  EXPECT_EQ(rows.begin(), 5);
  EXPECT_EQ(rows.end(), 6);
}

TEST(SelectivityVectorTest, resize) {
  SelectivityVector rows(10);
  rows.resize(70, false);
  EXPECT_EQ(rows.countSelected(), 10);
  rows.resize(100, true);
  EXPECT_EQ(rows.countSelected(), 40);
  EXPECT_EQ(rows.end(), 100);
  rows.resize(5);
  EXPECT_EQ(rows.countSelected(), 5);
  EXPECT_TRUE(rows.isAllSelected());
}

TEST(BitsTest, helpers) {
  std::vector<uint64_t> words(3, 0);
  bits::fillBits(words.data(), 3, 131, true);
  EXPECT_EQ(bits::countBits(words.data(), 0, 192), 128u);
  EXPECT_FALSE(bits::anyBitSet(words.data(), 0, 3));
  EXPECT_TRUE(bits::anyBitSet(words.data(), 130, 140));
  EXPECT_FALSE(bits::anyBitSet(words.data(), 131, 192));
  bits::clearBit(words.data(), 64);
  EXPECT_FALSE(bits::isBitSet(words.data(), 64));
  EXPECT_EQ(bits::countBits(words.data(), 60, 70), 9u);
}

} // namespace
} // namespace presto
