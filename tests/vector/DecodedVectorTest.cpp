#include <gtest/gtest.h>

#include "vector/ConstantVector.h"
#include "vector/DecodedVector.h"
#include "vector/DictionaryVector.h"
#include "vector/LazyVector.h"
#include "vector/VectorValues.h"

namespace presto {
namespace {

BufferPtr indicesOf(const std::vector<vector_size_t>& values) {
  auto buffer = allocateIndices(static_cast<vector_size_t>(values.size()));
  std::copy(values.begin(), values.end(), buffer->asMutable<vector_size_t>());
  return buffer;
}

// Reads every row through a DecodedVector and renders it as the vector itself would.
std::vector<std::string> readDecoded(const BaseVector& vector) {
  DecodedVector decoded(vector);
  std::vector<std::string> result;
  for (vector_size_t row = 0; row < vector.size(); ++row) {
    result.push_back(decoded.isNullAt(row) ? "NULL" : std::to_string(decoded.valueAt<int64_t>(row)));
  }
  return result;
}

std::vector<std::string> readDirect(const BaseVector& vector) {
  std::vector<std::string> result;
  for (vector_size_t row = 0; row < vector.size(); ++row) {
    result.push_back(vector.toString(row));
  }
  return result;
}

TEST(DecodedVectorTest, flatIsIdentity) {
  auto flat = vectorFromValues(BIGINT(), {Value(int64_t{1}), Value(), Value(int64_t{3})});
  DecodedVector decoded(*flat);
  EXPECT_TRUE(decoded.isIdentityMapping());
  EXPECT_TRUE(decoded.mayHaveNulls());
  EXPECT_EQ(decoded.base(), flat.get());
  EXPECT_EQ(readDecoded(*flat), readDirect(*flat));
}

TEST(DecodedVectorTest, constantIsConstantMapping) {
  auto constant = makeConstant(BIGINT(), Value(int64_t{42}), 100);
  DecodedVector decoded(*constant);
  EXPECT_TRUE(decoded.isConstantMapping());
  EXPECT_FALSE(decoded.mayHaveNulls());
  EXPECT_EQ(decoded.valueAt<int64_t>(77), 42);
  auto nullConstant = makeConstant(BIGINT(), Value(), 3);
  DecodedVector decodedNull(*nullConstant);
  EXPECT_TRUE(decodedNull.isNullAt(2));
}

TEST(DecodedVectorTest, nestedDictionariesWithNullsAtEveryLevel) {
  auto base = vectorFromValues(BIGINT(), {Value(int64_t{10}), Value(), Value(int64_t{30}), Value(int64_t{40})});
  auto innerNulls = Buffer::allocate(8, true);
  bits::setBit(innerNulls->asMutable<uint64_t>(), 4);
  auto inner = wrapInDictionary(innerNulls, indicesOf({3, 2, 1, 0, 0}), 5, base);
  auto outerNulls = Buffer::allocate(8, true);
  bits::setBit(outerNulls->asMutable<uint64_t>(), 0);
  auto outer = wrapInDictionary(outerNulls, indicesOf({0, 1, 2, 3, 4, 1}), 6, inner);
  EXPECT_EQ(readDirect(*outer), (std::vector<std::string>{"NULL", "30", "NULL", "10", "NULL", "30"}));
  EXPECT_EQ(readDecoded(*outer), readDirect(*outer));
  DecodedVector decoded(*outer);
  EXPECT_FALSE(decoded.isIdentityMapping());
  EXPECT_EQ(decoded.base(), base.get());
  EXPECT_EQ(decoded.index(1), 2);
}

TEST(DecodedVectorTest, dictionaryOverConstant) {
  auto constant = makeConstant(BIGINT(), Value(int64_t{7}), 10);
  auto dictionary = wrapInDictionary(nullptr, indicesOf({9, 0, 5}), 3, constant);
  EXPECT_EQ(readDecoded(*dictionary), (std::vector<std::string>{"7", "7", "7"}));
  auto nullConstant = makeConstant(BIGINT(), Value(), 10);
  auto overNull = wrapInDictionary(nullptr, indicesOf({1, 2}), 2, nullConstant);
  EXPECT_EQ(readDecoded(*overNull), (std::vector<std::string>{"NULL", "NULL"}));
}

TEST(DecodedVectorTest, onlySelectedRowsAreDecoded) {
  auto base = vectorFromValues(BIGINT(), {Value(int64_t{1}), Value(int64_t{2})});
  // Row 1 holds an out-of-range index but is not selected, so it must not be followed.
  auto dictionary = wrapInDictionary(nullptr, indicesOf({1, 1000, 0}), 3, base);
  SelectivityVector rows(3);
  rows.setValid(1, false);
  rows.updateBounds();
  DecodedVector decoded(*dictionary, rows);
  EXPECT_EQ(decoded.valueAt<int64_t>(0), 2);
  EXPECT_EQ(decoded.valueAt<int64_t>(2), 1);
}

class ConstantLoader : public VectorLoader {
 public:
  VectorPtr load(const SelectivityVector&, vector_size_t size) override {
    return makeConstant(BIGINT(), Value(int64_t{5}), size);
  }
};

TEST(DecodedVectorTest, lazyIsLoaded) {
  auto lazy = std::make_shared<LazyVector>(BIGINT(), 3, std::make_unique<ConstantLoader>());
  DecodedVector decoded(*lazy);
  EXPECT_TRUE(decoded.isConstantMapping());
  EXPECT_EQ(decoded.valueAt<int64_t>(2), 5);
  EXPECT_TRUE(lazy->isLoaded());
}

TEST(DecodedVectorTest, reusedAcrossVectors) {
  DecodedVector decoded;
  auto base = vectorFromValues(BIGINT(), {Value(int64_t{1}), Value(int64_t{2})});
  decoded.decode(*wrapInDictionary(nullptr, indicesOf({1, 0}), 2, base));
  EXPECT_EQ(decoded.valueAt<int64_t>(0), 2);
  decoded.decode(*base);
  EXPECT_TRUE(decoded.isIdentityMapping());
  EXPECT_EQ(decoded.valueAt<int64_t>(0), 1);
}

} // namespace
} // namespace presto
