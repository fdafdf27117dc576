#include <gtest/gtest.h>

#include "vector/DictionaryVector.h"
#include "vector/FlatVector.h"
#include "vector/UniqueRetainedBytes.h"
#include "vector/VectorValues.h"

namespace presto {
namespace {

TEST(UniqueRetainedBytesTest, countsSharedBuffersOnce) {
  auto base = vectorFromValues(BIGINT(), {Value(int64_t{1}), Value(int64_t{2}), Value(int64_t{3})});
  auto page = std::make_shared<Page>(std::vector<VectorPtr>{base});
  // Two dictionaries over the same base, as a filter's output pages over one scan page.
  auto indices = allocateIndices(1);
  auto first = std::make_shared<Page>(std::vector<VectorPtr>{wrapInDictionary(nullptr, indices, 1, base)});
  auto second = std::make_shared<Page>(std::vector<VectorPtr>{wrapInDictionary(nullptr, allocateIndices(1), 1, base)});

  UniqueRetainedBytes retained;
  auto afterBase = retained.add(*page);
  EXPECT_EQ(afterBase, base->retainedBytes());
  auto afterFirst = retained.add(*first);
  EXPECT_EQ(afterFirst, afterBase + indices->capacity());
  auto afterSecond = retained.add(*second);
  EXPECT_EQ(afterSecond, afterFirst + indices->capacity());
  // Summing per page would count the base three times.
  EXPECT_LT(afterSecond, page->retainedBytes() + first->retainedBytes() + second->retainedBytes());
  EXPECT_EQ(retained.add(*first), afterSecond);
  retained.clear();
  EXPECT_EQ(retained.bytes(), 0u);
}

} // namespace
} // namespace presto
