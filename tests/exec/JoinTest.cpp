#include <gtest/gtest.h>

#include <functional>

#include "exec/HashJoinBridge.h"
#include "utils/PlanBuilder.h"
#include "utils/QueryRunner.h"

namespace presto::exec::test {
namespace {

using Row = std::vector<Value>;
/// A residual filter over (probe row, build row); empty: none.
using RowFilter = std::function<bool(const Row&, const Row&)>;

bool keysMatch(const Row& probe, const Row& build, const std::vector<int32_t>& probeKeys,
    const std::vector<int32_t>& buildKeys) {
  for (size_t i = 0; i < probeKeys.size(); ++i) {
    const auto& left = probe[static_cast<size_t>(probeKeys[i])];
    const auto& right = build[static_cast<size_t>(buildKeys[i])];
    if (left.isNull() || right.isNull() || !(left == right)) {
      return false;
    }
  }
  return true;
}

/// The join computed by a nested loop over Values, with SQL semantics.
std::vector<Row> naiveJoin(JoinType type, const std::vector<Row>& probe, const std::vector<Row>& build,
    const std::vector<int32_t>& probeKeys, const std::vector<int32_t>& buildKeys, const RowFilter& filter,
    bool nullAware, size_t probeWidth, size_t buildWidth) {
  std::vector<Row> result;
  std::vector<bool> buildMatched(build.size(), false);
  bool buildHasNullKey = false;
  for (const auto& row : build) {
    for (auto key : buildKeys) {
      buildHasNullKey |= row[static_cast<size_t>(key)].isNull();
    }
  }
  for (const auto& left : probe) {
    bool matched = false;
    for (size_t j = 0; j < build.size(); ++j) {
      const auto& right = build[j];
      if (!keysMatch(left, right, probeKeys, buildKeys) || (filter && !filter(left, right))) {
        continue;
      }
      matched = true;
      buildMatched[j] = true;
      if (!isLeftOnlyOutput(type) && type != JoinType::kRightSemiProject) {
        Row out = left;
        out.insert(out.end(), right.begin(), right.end());
        result.push_back(std::move(out));
      }
    }
    bool probeKeyNull = false;
    for (auto key : probeKeys) {
      probeKeyNull |= left[static_cast<size_t>(key)].isNull();
    }
    bool unknown = nullAware && !build.empty() && (probeKeyNull || buildHasNullKey);
    if (!matched && (type == JoinType::kLeft || type == JoinType::kFull)) {
      Row out = left;
      out.resize(probeWidth + buildWidth, Value::null());
      result.push_back(std::move(out));
    } else if (type == JoinType::kLeftSemiFilter && matched) {
      result.push_back(left);
    } else if (type == JoinType::kAnti && !matched && !unknown) {
      result.push_back(left);
    } else if (type == JoinType::kLeftSemiProject) {
      Row out = left;
      out.push_back(matched ? Value(true) : (unknown ? Value::null() : Value(false)));
      result.push_back(std::move(out));
    }
  }
  if (type == JoinType::kRightSemiProject) {
    for (size_t j = 0; j < build.size(); ++j) {
      Row out = build[j];
      out.push_back(Value(static_cast<bool>(buildMatched[j])));
      result.push_back(std::move(out));
    }
  }
  if (type == JoinType::kRight || type == JoinType::kFull) {
    for (size_t j = 0; j < build.size(); ++j) {
      if (!buildMatched[j]) {
        Row out(probeWidth, Value::null());
        out.insert(out.end(), build[j].begin(), build[j].end());
        result.push_back(std::move(out));
      }
    }
  }
  return result;
}

/// (key bigint with NULLs and duplicates, name varchar, value bigint).
std::vector<Row> makeSide(int64_t count, int64_t keyModulus, int64_t seed) {
  std::vector<Row> rows;
  for (int64_t i = 0; i < count; ++i) {
    int64_t mixed = (i * 2654435761 + seed) % 1'000'003;
    Value key = mixed % 23 == 0 ? Value::null() : Value(mixed % keyModulus);
    rows.push_back({key, Value("n" + std::to_string(mixed % 4)), Value(mixed % 1000)});
  }
  return rows;
}

const std::vector<TypePtr> kSideTypes{BIGINT(), VARCHAR(), BIGINT()};
const std::vector<JoinType> kAllTypes{JoinType::kInner, JoinType::kLeft, JoinType::kRight, JoinType::kFull,
    JoinType::kLeftSemiFilter, JoinType::kLeftSemiProject, JoinType::kAnti, JoinType::kRightSemiProject};

void checkJoin(JoinType type, const std::vector<Row>& probe, const std::vector<Row>& build,
    const std::vector<int32_t>& probeKeys, const std::vector<int32_t>& buildKeys, bool withFilter, bool nullAware,
    int32_t concurrency, bool nestedLoop = false, bool parallelSides = false) {
  SCOPED_TRACE(std::string(joinTypeName(type)) + (withFilter ? " filtered" : "") + (nullAware ? " null-aware" : "") +
      " concurrency " + std::to_string(concurrency));
  auto ids = std::make_shared<PlanNodeIdGenerator>();
  auto buildPlan = PlanBuilder(ids).values(makePages(kSideTypes, build, 300), parallelSides).planNode();
  PlanBuilder builder(ids);
  builder.values(makePages(kSideTypes, probe, 400), parallelSides);
  RowExpressionPtr filter;
  if (withFilter) {
    // probe.value < build.value (build columns follow the probe's 3 columns).
    filter = PlanBuilder::call("$operator$less_than",
        {std::make_shared<InputReferenceExpression>(2, BIGINT()), std::make_shared<InputReferenceExpression>(5, BIGINT())});
  }
  if (nestedLoop) {
    builder.nestedLoopJoin(type, buildPlan, filter);
  } else {
    builder.hashJoin(type, probeKeys, buildKeys, buildPlan, filter, nullAware);
  }
  auto plan = builder.planNode();
  RowFilter rowFilter;
  if (withFilter) {
    rowFilter = [](const Row& left, const Row& right) {
      return !left[2].isNull() && !right[2].isNull() && left[2].as<int64_t>() < right[2].as<int64_t>();
    };
  }
  // Parallel values produce their rows once per driver.
  auto allProbe = probe;
  auto allBuild = build;
  for (int32_t driver = 1; parallelSides && driver < concurrency; ++driver) {
    allProbe.insert(allProbe.end(), probe.begin(), probe.end());
    allBuild.insert(allBuild.end(), build.begin(), build.end());
  }
  auto expected = naiveJoin(type, allProbe, allBuild, probeKeys, buildKeys, rowFilter, nullAware, 3, 3);
  TaskConfig config;
  config.concurrency = concurrency;
  config.minPartitionedJoinBuildRows = 0;  // partition builds of every size (parallel build drivers)
  assertSameRows(plan->outputTypes(), QueryRunner(plan).config(config).rows(), expected);
}

TEST(JoinTest, allJoinTypesSingleKey) {
  auto probe = makeSide(3'000, 500, 1);
  auto build = makeSide(1'000, 700, 2);
  for (auto type : kAllTypes) {
    checkJoin(type, probe, build, {0}, {0}, false, false, 1);
  }
}

TEST(JoinTest, allJoinTypesInParallel) {
  auto probe = makeSide(3'000, 500, 3);
  auto build = makeSide(1'000, 700, 4);
  for (auto type : kAllTypes) {
    checkJoin(type, probe, build, {0}, {0}, false, false, 2);
  }
}

TEST(JoinTest, parallelBuildAndProbeDrivers) {
  // Two build drivers feed one table; two probe drivers share it (and the unmatched-build barrier).
  auto probe = makeSide(2'000, 300, 21);
  auto build = makeSide(700, 400, 22);
  for (auto type : kAllTypes) {
    checkJoin(type, probe, build, {0}, {0}, false, false, 2, false, true);
  }
  checkJoin(JoinType::kFull, probe, build, {0, 1}, {0, 1}, true, false, 2, false, true);
  checkJoin(JoinType::kRight, makeSide(300, 10, 23), makeSide(120, 10, 24), {}, {}, true, false, 2, true, true);
}

TEST(JoinTest, partitionedBuildAllJoinTypes) {
  // Three build drivers each build one partition of the table; probes look in their rows'
  // partitions. Covers several keys, residual filters, NULL-aware joins, hash mode and empty sides.
  auto probe = makeSide(2'500, 300, 31);
  auto build = makeSide(900, 400, 32);
  for (auto type : kAllTypes) {
    checkJoin(type, probe, build, {0}, {0}, false, false, 3, false, true);
    checkJoin(type, probe, build, {0, 1}, {0, 1}, true, false, 3, false, true);
    checkJoin(type, probe, std::vector<Row>{}, {0}, {0}, false, false, 3, false, true);
  }
  checkJoin(JoinType::kAnti, probe, build, {0}, {0}, false, true, 3, false, true);
  checkJoin(JoinType::kLeftSemiProject, probe, build, {0}, {0}, false, true, 2, false, true);
  std::vector<Row> wideProbe;
  std::vector<Row> wideBuild;
  for (int64_t i = 0; i < 2'000; ++i) {
    wideProbe.push_back({Value(i * (int64_t{1} << 40)), Value("p"), Value(i)});
    if (i % 3 == 0) {
      wideBuild.push_back({Value(i * (int64_t{1} << 40)), Value("b"), Value(i)});
    }
  }
  checkJoin(JoinType::kFull, wideProbe, wideBuild, {0}, {0}, false, false, 2, false, true);
  checkJoin(JoinType::kInner, wideProbe, wideBuild, {1, 0}, {1, 0}, false, false, 3, false, true);
}

/// Two build drivers add 600 and the rest of `rows`: the pages are ready once both have.
void addBuildPagesOfTwoDrivers(HashJoinBridge& bridge, const std::vector<Row>& rows) {
  ContinueFuture waitForPages;
  bridge.addBuildPages(makePages(kSideTypes, std::vector<Row>(rows.begin(), rows.begin() + 600), 250));
  EXPECT_FALSE(bridge.buildPagesReady(&waitForPages));
  bridge.addBuildPages(makePages(kSideTypes, std::vector<Row>(rows.begin() + 600, rows.end()), 250));
  EXPECT_TRUE(bridge.buildPagesReady(&waitForPages));
}

TEST(JoinTest, partitionedBuildSplitsRowsAmongTables) {
  auto pool = MemoryPool::createRoot("bridge");
  auto rows = makeSide(1'000, 200, 33);
  int64_t nullKeys = 0;
  for (const auto& row : rows) {
    nullKeys += row[0].isNull() ? 1 : 0;
  }
  {
    HashJoinBridge bridge(kSideTypes, {0}, 2, 1, pool, 2);
    ASSERT_TRUE(bridge.isPartitioned());
    addBuildPagesOfTwoDrivers(bridge, rows);
    ContinueFuture waitForBuild;
    bridge.buildPartition();
    EXPECT_EQ(bridge.buildResult(&waitForBuild), nullptr);
    bridge.buildPartition();
    auto result = bridge.buildResult(&waitForBuild);
    ASSERT_NE(result, nullptr);
    ASSERT_EQ(result->tables.size(), 2u);
    EXPECT_EQ(result->buildPage->numRows(), 1'000);
    EXPECT_EQ(result->numNullKeyRows, nullKeys);
    // Every non-NULL key row is in exactly one table, and both tables hold some.
    EXPECT_GT(result->tables[0]->rows().numRows(), 0);
    EXPECT_GT(result->tables[1]->rows().numRows(), 0);
    EXPECT_EQ(result->tables[0]->rows().numRows() + result->tables[1]->rows().numRows(), 1'000 - nullKeys);
    bridge.probeClosed();
  }
  {
    // Under the row threshold, the last build driver builds one table and the others have nothing
    // left to build.
    HashJoinBridge bridge(kSideTypes, {0}, 2, 1, pool, 2, 1'001);
    addBuildPagesOfTwoDrivers(bridge, rows);
    ContinueFuture waitForBuild;
    auto result = bridge.buildResult(&waitForBuild);
    ASSERT_NE(result, nullptr);
    ASSERT_EQ(result->tables.size(), 1u);
    EXPECT_EQ(result->tables[0]->rows().numRows(), 1'000 - nullKeys);
    bridge.buildPartition();
    bridge.buildPartition();
    EXPECT_EQ(bridge.buildResult(&waitForBuild), result);
    bridge.probeClosed();
  }
  EXPECT_EQ(pool->totalBytes(), 0);
}

TEST(JoinTest, multipleKeysOfSeveralTypes) {
  auto probe = makeSide(2'000, 50, 5);
  auto build = makeSide(800, 60, 6);
  for (auto type : kAllTypes) {
    checkJoin(type, probe, build, {0, 1}, {0, 1}, false, false, 1);
    checkJoin(type, probe, build, {1, 2}, {1, 2}, false, false, 1);
  }
}

TEST(JoinTest, varcharKey) {
  auto probe = makeSide(1'000, 50, 7);
  auto build = makeSide(200, 60, 8);
  checkJoin(JoinType::kInner, probe, build, {1}, {1}, false, false, 1);
}

TEST(JoinTest, residualFilter) {
  auto probe = makeSide(1'500, 100, 9);
  auto build = makeSide(600, 120, 10);
  for (auto type : kAllTypes) {
    checkJoin(type, probe, build, {0}, {0}, true, false, 1);
    checkJoin(type, probe, build, {0}, {0}, true, false, 2);
  }
}

TEST(JoinTest, nullAwareAntiAndSemiProject) {
  auto probe = makeSide(1'000, 40, 11);
  auto build = makeSide(300, 30, 12);
  checkJoin(JoinType::kAnti, probe, build, {0}, {0}, false, true, 1);
  checkJoin(JoinType::kLeftSemiProject, probe, build, {0}, {0}, false, true, 1);
  // Without NULL build keys: NOT IN keeps non-matching, non-NULL probe rows.
  std::vector<Row> noNulls;
  for (const auto& row : build) {
    if (!row[0].isNull()) {
      noNulls.push_back(row);
    }
  }
  checkJoin(JoinType::kAnti, probe, noNulls, {0}, {0}, false, true, 1);
  checkJoin(JoinType::kLeftSemiProject, probe, noNulls, {0}, {0}, false, true, 2);
}

TEST(JoinTest, emptySides) {
  auto rows = makeSide(500, 40, 13);
  std::vector<Row> empty;
  for (auto type : kAllTypes) {
    checkJoin(type, rows, empty, {0}, {0}, false, false, 1);
    checkJoin(type, empty, rows, {0}, {0}, false, false, 1);
  }
  checkJoin(JoinType::kAnti, rows, empty, {0}, {0}, false, true, 1);
}

TEST(JoinTest, wideKeysUseHashMode) {
  std::vector<Row> probe;
  std::vector<Row> build;
  for (int64_t i = 0; i < 3'000; ++i) {
    probe.push_back({Value(i * (int64_t{1} << 40)), Value("p"), Value(i)});
    if (i % 3 == 0) {
      build.push_back({Value(i * (int64_t{1} << 40)), Value("b"), Value(i)});
    }
  }
  checkJoin(JoinType::kInner, probe, build, {0}, {0}, false, false, 1);
  checkJoin(JoinType::kLeft, probe, build, {0, 2}, {0, 2}, false, false, 1);
  checkJoin(JoinType::kRightSemiProject, probe, build, {0}, {0}, true, false, 2);
}

TEST(JoinTest, sparseKeysUseAKeyFilter) {
  // Build keys spread over a range much wider than the build: a hash table plus a bitmap of the
  // normalized keys that most probe rows stop at.
  std::vector<Row> probe;
  std::vector<Row> build;
  for (int64_t i = 0; i < 4'000; ++i) {
    probe.push_back({i % 29 == 0 ? Value::null() : Value(i * 37 % 60'000), Value("p"), Value(i % 7)});
  }
  for (int64_t i = 0; i < 300; ++i) {
    build.push_back({i % 31 == 0 ? Value::null() : Value(i * 197), Value("b"), Value(i % 5)});
  }
  for (auto type : kAllTypes) {
    checkJoin(type, probe, build, {0}, {0}, false, false, 1);
    checkJoin(type, probe, build, {0, 2}, {0, 2}, false, false, 2);
  }
}

TEST(JoinTest, nestedLoopJoin) {
  auto probe = makeSide(300, 10, 14);
  auto build = makeSide(120, 10, 15);
  for (auto type : {JoinType::kInner, JoinType::kLeft, JoinType::kRight, JoinType::kFull}) {
    checkJoin(type, probe, build, {}, {}, true, false, 1, true);
    checkJoin(type, probe, build, {}, {}, true, false, 2, true);
  }
  checkJoin(JoinType::kInner, probe, build, {}, {}, false, false, 1, true);
}

} // namespace
} // namespace presto::exec::test
