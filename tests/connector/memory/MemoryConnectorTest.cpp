#include <gtest/gtest.h>

#include "testing/ErrorText.h"
#include "connector/memory/MemoryConnector.h"
#include "connector/spi/CatalogManager.h"
#include "vector/VectorValues.h"

namespace presto::memory {
namespace {

using test::errorOf;

using connector::SchemaTableName;

class MemoryConnectorTest : public testing::Test {
 protected:
  MemoryConnectorTest() {
    registry_.add(std::make_shared<MemoryConnectorFactory>());
    nodePool_ = MemoryPool::createRoot("node");
    catalogs_ = std::make_unique<connector::CatalogManager>(
        registry_, connector::ConnectorContext{.nodeId = "node-1", .nodeMemoryPool = nodePool_});
    catalogs_->createCatalog("memory",
        PropertiesFile::parse("connector.name=memory\nmemory.max-data-per-node=1MB\nmemory.splits-per-node=2\n", "m"));
    memory_ = catalogs_->requireConnector("memory");
  }

  ~MemoryConnectorTest() override {
    memory_.reset();
    catalogs_.reset();
    EXPECT_EQ(nodePool_->totalBytes(), 0);
  }

  connector::TableHandlePtr createTable(const std::string& name) {
    memory_->metadata().createTable(
        {{"default", name}, {{.name = "id", .type = BIGINT()}, {.name = "name", .type = VARCHAR()}}, {}}, false);
    return memory_->metadata().getTableHandle({"default", name});
  }

  static PagePtr makePage(int64_t first, int64_t count) {
    std::vector<Value> ids;
    std::vector<Value> names;
    for (int64_t i = first; i < first + count; ++i) {
      ids.emplace_back(i);
      names.emplace_back("name-" + std::to_string(i));
    }
    return std::make_shared<Page>(std::vector<VectorPtr>{vectorFromValues(BIGINT(), ids), vectorFromValues(VARCHAR(), names)});
  }

  void insert(const connector::TableHandlePtr& table, const std::vector<PagePtr>& pages) {
    auto handle = memory_->metadata().beginInsert(*table);
    auto sink = memory_->pageSinkProvider().createPageSink(handle);
    for (const auto& page : pages) sink->appendPage(*page);
    memory_->metadata().finishInsert(*handle, sink->finish());
  }

  // Reads the table through splits and page sources; returns its ids in read order.
  std::vector<int64_t> readIds(const connector::TableHandlePtr& table) {
    auto columns = memory_->metadata().getColumnHandles(*table);
    std::vector<int64_t> ids;
    auto splits = memory_->splitManager().getSplits(table, {});
    while (!splits->isFinished()) {
      for (const auto& split : splits->getNextBatch(10)) {
        EXPECT_EQ(split->preferredNodes(), std::vector<std::string>{"node-1"});
        auto source = memory_->pageSourceProvider().createPageSource(split, table, {columns[0]}, connector::TupleDomain::all());
        while (auto page = source->getNextPage()) {
          for (vector_size_t row = 0; row < page->numRows(); ++row) {
            ids.push_back(valueAt(*page->column(0), row).as<int64_t>());
          }
        }
      }
    }
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  connector::ConnectorRegistry registry_;
  MemoryPoolPtr nodePool_;
  std::unique_ptr<connector::CatalogManager> catalogs_;
  connector::ConnectorPtr memory_;
};

TEST_F(MemoryConnectorTest, schemasAndTables) {
  auto& metadata = memory_->metadata();
  EXPECT_EQ(metadata.listSchemaNames(), std::vector<std::string>{"default"});
  metadata.createSchema("s1");
  EXPECT_EQ(errorOf([&] { metadata.createSchema("s1"); }), "ALREADY_EXISTS: Schema 's1' already exists");
  auto table = createTable("t");
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(errorOf([&] { createTable("t"); }), "ALREADY_EXISTS: Table 'default.t' already exists");
  EXPECT_NO_THROW(metadata.createTable({{"default", "t"}, {}, {}}, true));
  EXPECT_EQ(errorOf([&] { metadata.createTable({{"nope", "t"}, {}, {}}, false); }),
      "NOT_FOUND: Schema 'nope' does not exist");
  metadata.createTable({{"s1", "u"}, {{.name = "x", .type = DOUBLE()}}, {}}, false);
  EXPECT_EQ(errorOf([&] { metadata.dropSchema("s1"); }), "SCHEMA_NOT_EMPTY: Schema 's1' is not empty");
  EXPECT_EQ(metadata.listTables(std::nullopt).size(), 2u);
  EXPECT_EQ(metadata.listTables(std::string("s1")), (std::vector<SchemaTableName>{{"s1", "u"}}));
  auto columns = metadata.getTableMetadata(*table).columns;
  ASSERT_EQ(columns.size(), 2u);
  EXPECT_EQ(columns[1].name, "name");
  metadata.dropTable(*metadata.getTableHandle({"s1", "u"}));
  metadata.dropSchema("s1");
  EXPECT_FALSE(metadata.schemaExists("s1"));
}

TEST_F(MemoryConnectorTest, insertIsAtomicAndReadable) {
  auto table = createTable("t");
  auto& metadata = memory_->metadata();
  auto handle = metadata.beginInsert(*table);
  auto sink = memory_->pageSinkProvider().createPageSink(handle);
  for (int i = 0; i < 5; ++i) sink->appendPage(*makePage(i * 10, 10));
  EXPECT_TRUE(readIds(table).empty()) << "staged rows must not be visible";
  metadata.finishInsert(*handle, sink->finish());
  auto ids = readIds(table);
  ASSERT_EQ(ids.size(), 50u);
  EXPECT_EQ(ids.front(), 0);
  EXPECT_EQ(ids.back(), 49);
  EXPECT_EQ(metadata.getTableStatistics(*table).rowCount, 50.0);
  EXPECT_GT(nodePool_->totalBytes(), 0);
}

TEST_F(MemoryConnectorTest, abortedInsertLeavesNothing) {
  auto table = createTable("t");
  insert(table, {makePage(0, 3)});
  auto handle = memory_->metadata().beginInsert(*table);
  auto sink = memory_->pageSinkProvider().createPageSink(handle);
  sink->appendPage(*makePage(100, 10));
  sink->abort();
  memory_->metadata().abortInsert(*handle);
  EXPECT_EQ(readIds(table), (std::vector<int64_t>{0, 1, 2}));
}

TEST_F(MemoryConnectorTest, memoryLimitIsAClearErrorAndTableUnchanged) {
  auto table = createTable("t");
  insert(table, {makePage(0, 10)});
  size_t bytesBefore = static_cast<size_t>(nodePool_->totalBytes());
  auto handle = memory_->metadata().beginInsert(*table);
  auto sink = memory_->pageSinkProvider().createPageSink(handle);
  auto big = makePage(1000, 80000);  // about 2MB of ids and string views
  EXPECT_EQ(errorOf([&] { sink->appendPage(*big); }),
      "EXCEEDED_LOCAL_MEMORY_LIMIT: Memory limit [1MB] for memory connector exceeded");
  sink->abort();
  EXPECT_EQ(readIds(table).size(), 10u);
  EXPECT_EQ(static_cast<size_t>(nodePool_->totalBytes()), bytesBefore);
}

TEST_F(MemoryConnectorTest, deleteAndDropReleaseMemory) {
  auto table = createTable("t");
  insert(table, {makePage(0, 100), makePage(100, 100)});
  EXPECT_EQ(memory_->metadata().deleteAllRows(*table), 200);
  EXPECT_TRUE(readIds(table).empty());
  EXPECT_EQ(nodePool_->totalBytes(), 0);
  insert(table, {makePage(0, 100)});
  memory_->metadata().dropTable(*table);
  EXPECT_EQ(nodePool_->totalBytes(), 0);
  EXPECT_EQ(memory_->metadata().getTableHandle({"default", "t"}), nullptr);
  // A re-created table gets a new id: stale handles do not see it.
  auto again = createTable("t");
  EXPECT_NE(again->toJson(), table->toJson());
  EXPECT_EQ(errorOf([&] { memory_->metadata().getTableMetadata(*table); }), "NOT_FOUND: Table 'default.t' does not exist");
}

TEST_F(MemoryConnectorTest, handlesTravelAsJson) {
  auto table = createTable("t");
  const auto& codec = memory_->handleCodec();
  EXPECT_EQ(codec.tableHandleFromJson(table->toJson())->toJson(), table->toJson());
  auto column = memory_->metadata().getColumnHandles(*table)[1];
  EXPECT_EQ(codec.columnHandleFromJson(column->toJson())->type()->toString(), "varchar");
  auto split = memory_->splitManager().getSplits(table, {})->getNextBatch(1).at(0);
  EXPECT_EQ(codec.splitFromJson(split->toJson())->toString(), split->toString());
  auto insertHandle = memory_->metadata().beginInsert(*table);
  EXPECT_EQ(codec.insertHandleFromJson(insertHandle->toJson())->toJson(), insertHandle->toJson());
  memory_->metadata().abortInsert(*insertHandle);
}

TEST(MemoryConnectorFactoryTest, rejectsBadProperties) {
  connector::ConnectorRegistry registry;
  registry.add(std::make_shared<MemoryConnectorFactory>());
  connector::CatalogManager catalogs(registry, {});
  EXPECT_EQ(errorOf([&] {
    catalogs.createCatalog("m", PropertiesFile::parse("connector.name=memory\nmemory.max-data-per-node=lots\n", "m.properties"));
  }),
      "CONFIGURATION_INVALID: m.properties: property 'memory.max-data-per-node' has value 'lots', expected a data size such as 16MB");
}

} // namespace
} // namespace presto::memory
