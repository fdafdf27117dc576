#include <gtest/gtest.h>

#include <atomic>

#include "connector/memory/MemoryConnector.h"
#include "connector/spi/CatalogManager.h"
#include "utils/PlanBuilder.h"
#include "utils/QueryRunner.h"
#include "vector/VectorValues.h"

namespace presto::exec::test {
namespace {

using Row = std::vector<Value>;

const std::vector<TypePtr> kTypes{BIGINT(), VARCHAR()};

/// Rows (id, name) for ids [first, first + count).
std::vector<Row> makeRows(int64_t first, int64_t count) {
  std::vector<Row> rows;
  for (int64_t id = first; id < first + count; ++id) {
    rows.push_back({Value(id), Value("name-" + std::to_string(id))});
  }
  return rows;
}

/// TableWriter and TableCommit over a memory catalog's page sink, wired as the engine wires them:
/// an insert begun in the metadata, a commit function finishing it, abortInsert on failure.
class TableWriterTest : public testing::Test {
 protected:
  TableWriterTest() {
    registry_.add(std::make_shared<memory::MemoryConnectorFactory>());
    nodePool_ = MemoryPool::createRoot("node");
    catalogs_ = std::make_unique<connector::CatalogManager>(
        registry_, connector::ConnectorContext{.nodeId = "node-1", .nodeMemoryPool = nodePool_});
    catalogs_->createCatalog("memory", PropertiesFile::parse("connector.name=memory\nmemory.splits-per-node=3\n", "m"));
    memory_ = catalogs_->requireConnector("memory");
    memory_->metadata().createTable(
        {{"default", "t"}, {{.name = "id", .type = BIGINT()}, {.name = "name", .type = VARCHAR()}}, {}}, false);
    table_ = memory_->metadata().getTableHandle({"default", "t"});
  }

  ~TableWriterTest() override {
    memory_.reset();
    catalogs_.reset();
    EXPECT_EQ(nodePool_->totalBytes(), 0);
  }

  TaskServices services() {
    return testServices([this](const std::string& name) { return catalogs_->requireConnector(name); });
  }

  /// Writes the output of `source` into the table through a new insert; returns the commit's
  /// output rows. The insert is aborted if the run fails (and the exception rethrown).
  std::vector<Row> insert(PlanBuilder source, int32_t concurrency,
      const std::function<void()>& beforeCommit = nullptr) {
    auto handle = memory_->metadata().beginInsert(*table_);
    auto connector = memory_;
    auto plan = source.tableWriter("memory", handle)
                    .tableCommit([this, connector, handle, beforeCommit](const std::vector<std::string>& fragments) {
                      ++numCommits_;
                      if (beforeCommit) {
                        beforeCommit();
                      }
                      connector->metadata().finishInsert(*handle, fragments);
                    })
                    .planNode();
    try {
      QueryRunner runner(plan);
      runner.services(services()).concurrency(concurrency);
      auto rows = runner.rows();
      EXPECT_TRUE(waitForDrivers(runner.task()));
      return rows;
    } catch (...) {
      memory_->metadata().abortInsert(*handle);
      throw;
    }
  }

  /// The table's rows, read back through a table scan over every split.
  std::vector<Row> readTable() {
    PlanBuilder builder;
    builder.tableScan("memory", table_, memory_->metadata().getColumnHandles(*table_));
    auto scanId = builder.planNode()->id();
    std::vector<connector::ConnectorSplitPtr> splits;
    auto source = memory_->splitManager().getSplits(table_, connector::SplitContext{{"node-1"}});
    while (!source->isFinished()) {
      for (auto& split : source->getNextBatch(10)) {
        splits.push_back(split);
      }
    }
    return QueryRunner(builder.planNode()).services(services()).concurrency(2).splits(scanId, splits).rows();
  }

  connector::ConnectorRegistry registry_;
  MemoryPoolPtr nodePool_;
  std::unique_ptr<connector::CatalogManager> catalogs_;
  connector::ConnectorPtr memory_;
  connector::TableHandlePtr table_;
  std::atomic<int32_t> numCommits_{0};
};

TEST_F(TableWriterTest, rowsOfSeveralDriversAndPagesAreCommitted) {
  auto rows = makeRows(0, 5'000);
  // Three drivers each write every page of the parallel values: 3 x 50 pages.
  auto written = insert(PlanBuilder().values(makePages(kTypes, rows, 100), true), 3);
  assertSameRows({BIGINT()}, written, {{Value(int64_t{15'000})}});
  EXPECT_EQ(numCommits_.load(), 1);
  std::vector<Row> expected;
  for (int i = 0; i < 3; ++i) {
    expected.insert(expected.end(), rows.begin(), rows.end());
  }
  assertSameRows(kTypes, readTable(), expected);

  // A second insert appends to the committed rows.
  auto more = makeRows(5'000, 700);
  assertSameRows({BIGINT()}, insert(PlanBuilder().values(makePages(kTypes, more, 64)), 1), {{Value(int64_t{700})}});
  expected.insert(expected.end(), more.begin(), more.end());
  assertSameRows(kTypes, readTable(), expected);
}

TEST_F(TableWriterTest, failureWhileWritingLeavesNothing) {
  // Pages before id 2500 reach the sinks; the page with id 2500 fails on a division by zero.
  PlanBuilder source;
  source.values(makePages(kTypes, makeRows(0, 5'000), 100), true);
  auto quotient = PlanBuilder::call("$operator$divide",
      {source.field(0), PlanBuilder::call("$operator$subtract",
                            {source.field(0), PlanBuilder::constant(Value(int64_t{2'500}), BIGINT())})});
  source.filter(PlanBuilder::call(
      "$operator$less_than_or_equal", {quotient, PlanBuilder::constant(Value(int64_t{1'000'000}), BIGINT())}));
  EXPECT_ANY_THROW(insert(source, 2));
  EXPECT_EQ(numCommits_.load(), 0);
  EXPECT_TRUE(readTable().empty());
}

TEST_F(TableWriterTest, failedCommitLeavesNothing) {
  EXPECT_ANY_THROW(insert(PlanBuilder().values(makePages(kTypes, makeRows(0, 1'000), 100), true), 2,
      [] { throw std::runtime_error("commit refused"); }));
  EXPECT_EQ(numCommits_.load(), 1);
  EXPECT_TRUE(readTable().empty());
  // The table still takes a later insert.
  assertSameRows({BIGINT()}, insert(PlanBuilder().values(makePages(kTypes, makeRows(0, 10), 100)), 1),
      {{Value(int64_t{10})}});
  EXPECT_EQ(readTable().size(), 10u);
}

TEST_F(TableWriterTest, emptyInputCommitsAnEmptyInsert) {
  assertSameRows({BIGINT()}, insert(PlanBuilder().values({makePage(kTypes, {})}, true), 2), {{Value(int64_t{0})}});
  EXPECT_EQ(numCommits_.load(), 1);
  EXPECT_TRUE(readTable().empty());
  // A filter that drops every row: the writers get no page at all.
  PlanBuilder nothing;
  nothing.values(makePages(kTypes, makeRows(0, 300), 100));
  nothing.filter(PlanBuilder::call("$operator$less_than", {nothing.field(0), PlanBuilder::constant(Value(int64_t{0}), BIGINT())}));
  assertSameRows({BIGINT()}, insert(nothing, 1), {{Value(int64_t{0})}});
  EXPECT_EQ(numCommits_.load(), 2);
  EXPECT_TRUE(readTable().empty());
}

} // namespace
} // namespace presto::exec::test
