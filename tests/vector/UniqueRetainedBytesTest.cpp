#include <gtest/gtest.h>

#include "vector/ConstantVector.h"
#include "vector/DictionaryVector.h"
#include "vector/FlatVector.h"
#include "vector/UniqueRetainedBytes.h"
#include "vector/VectorValues.h"

namespace presto {
namespace {

/// The sum over visitBuffers, which the fast retainedBytes overrides must equal.
uint64_t visitedBytes(const BaseVector& vector) {
  uint64_t bytes = 0;
  vector.visitBuffers([&](const Buffer& buffer) { bytes += buffer.capacity(); });
  return bytes;
}

TEST(UniqueRetainedBytesTest, retainedBytesOfEveryEncodingMatchesItsBuffers) {
  std::vector<Value> strings;
  for (int i = 0; i < 3000; ++i) {
    strings.emplace_back(std::string(40, static_cast<char>('a' + i % 26)));
  }
  strings.emplace_back();
  auto flat = vectorFromValues(VARCHAR(), strings);
  auto* asFlat = flat->as<FlatVector<StringView>>();
  ASSERT_GT(asFlat->stringBuffers().size(), 1u);
  EXPECT_EQ(flat->retainedBytes(), visitedBytes(*flat));
  // A vector sharing another's string buffers (as a gather does).
  auto sharing = FlatVector<StringView>::create(VARCHAR(), 2);
  for (const auto& buffer : asFlat->stringBuffers()) {
    sharing->addStringBuffer(buffer);
  }
  sharing->set(0, asFlat->valueAt(0));
  EXPECT_EQ(sharing->retainedBytes(), visitedBytes(*sharing));
  auto dictionary = wrapInDictionary(nullptr, allocateIndices(5), 5, flat);
  EXPECT_EQ(dictionary->retainedBytes(), visitedBytes(*dictionary));
  auto constant = makeConstant(VARCHAR(), Value(std::string(100, 'z')), 10);
  EXPECT_EQ(constant->retainedBytes(), visitedBytes(*constant));
}

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
