#include <gtest/gtest.h>

#include "exec/HashTable.h"
#include "utils/PlanBuilder.h"
#include "vector/VectorValues.h"

namespace presto::exec::test {
namespace {

VectorPtr bigints(const std::vector<int64_t>& values) {
  std::vector<Value> boxed(values.begin(), values.end());
  return vectorFromValues(BIGINT(), boxed);
}

/// Probes `keys` and returns the number of groups created.
size_t probe(HashTable& table, const std::vector<VectorPtr>& keys, std::vector<char*>& groups) {
  std::vector<vector_size_t> created;
  table.groupProbe(keys, keys[0]->size(), groups, created);
  return created.size();
}

TEST(HashTableTest, modesFollowKeyRanges) {
  auto pool = MemoryPool::createRoot("hash");
  std::vector<char*> groups;

  HashTable small({BIGINT()}, {}, 0, pool);
  EXPECT_EQ(probe(small, {bigints({5, 6, 5, 7})}, groups), 3u);
  EXPECT_EQ(small.mode(), HashMode::kArray);
  EXPECT_EQ(groups[0], groups[2]);
  // A value far outside the range re-maps the existing groups to normalized keys.
  EXPECT_EQ(probe(small, {bigints({int64_t{1} << 50, 6})}, groups), 1u);
  EXPECT_EQ(small.mode(), HashMode::kNormalizedKey);
  EXPECT_EQ(small.numRehashes(), 1);
  EXPECT_EQ(probe(small, {bigints({5, 6, 7, int64_t{1} << 50})}, groups), 0u);

  HashTable wide({BIGINT(), BIGINT()}, {}, 0, pool);
  probe(wide, {bigints({std::numeric_limits<int64_t>::min(), 0}), bigints({std::numeric_limits<int64_t>::max(), 1})}, groups);
  EXPECT_EQ(wide.mode(), HashMode::kHash);

  HashTable strings({VARCHAR(), BIGINT()}, {}, 0, pool);
  auto names = vectorFromValues(VARCHAR(), {Value("a fairly long string key"), Value("short"), Value::null(),
      Value("a fairly long string key"), Value::null()});
  auto numbers = bigints({1, 1, 1, 1, 1});
  EXPECT_EQ(probe(strings, {names, numbers}, groups), 3u);
  EXPECT_EQ(strings.mode(), HashMode::kHash);
  EXPECT_EQ(groups[0], groups[3]);
  EXPECT_EQ(groups[2], groups[4]);
  EXPECT_GT(pool->totalBytes(), 0);
  small.clear();
  wide.clear();
  strings.clear();
  EXPECT_EQ(pool->totalBytes(), 0);
}

TEST(HashTableTest, manyGroupsAcrossResizes) {
  auto pool = MemoryPool::createRoot("hash");
  HashTable table({VARCHAR()}, {}, 0, pool);
  std::vector<char*> groups;
  size_t created = 0;
  for (int batch = 0; batch < 20; ++batch) {
    std::vector<Value> keys;
    for (int i = 0; i < 1000; ++i) {
      keys.push_back(Value("key-" + std::to_string((batch * 1000 + i) % 15'000)));
    }
    created += probe(table, {vectorFromValues(VARCHAR(), keys)}, groups);
  }
  EXPECT_EQ(created, 15'000u);
  EXPECT_EQ(table.rows().numRows(), 15'000);
}

} // namespace
} // namespace presto::exec::test
