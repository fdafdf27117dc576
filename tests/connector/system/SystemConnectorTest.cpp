#include <gtest/gtest.h>

#include "connector/memory/MemoryConnector.h"
#include "connector/system/InformationSchema.h"
#include "connector/system/SystemConnector.h"

namespace presto::connector {
namespace {

/// Reads a whole table of a connector (optionally with a pushed filter) as text rows.
std::vector<std::string> readAll(Connector& connector, const SchemaTableName& name, const TupleDomain& filter = TupleDomain::all()) {
  auto& metadata = connector.metadata();
  auto handle = metadata.getTableHandle(name);
  EXPECT_NE(handle, nullptr) << name.toString();
  if (auto pushed = metadata.applyFilter(handle, filter)) {
    handle = pushed->handle;
  }
  auto columns = metadata.getColumnHandles(*handle);
  std::vector<std::string> rows;
  auto splits = connector.splitManager().getSplits(handle, {});
  for (const auto& split : splits->getNextBatch(100)) {
    auto source = connector.pageSourceProvider().createPageSource(split, handle, columns, TupleDomain::all());
    while (auto page = source->getNextPage()) {
      for (vector_size_t row = 0; row < page->numRows(); ++row) {
        std::string text;
        for (size_t column = 0; column < page->numColumns(); ++column) {
          text += (column ? "|" : "") + page->column(column)->toString(row);
        }
        rows.push_back(text);
      }
    }
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

TupleDomain equals(const std::string& column, const std::string& value) {
  return TupleDomain::withColumnDomains({{column, Domain::singleValue(VARCHAR(), Value(value))}});
}

/// Counts how the information schema asks the target catalog for tables.
class CountingMetadata : public memory::MemoryMetadata {
 public:
  using MemoryMetadata::MemoryMetadata;
  std::vector<SchemaTableName> listTables(const std::optional<std::string>& schema) override {
    ++listings;
    listedSchemas.push_back(schema.value_or("<all>"));
    return MemoryMetadata::listTables(schema);
  }
  int listings = 0;
  std::vector<std::string> listedSchemas;
};

class CountingConnector : public Connector {
 public:
  CountingConnector() : store_(MemoryPool::createRoot("test"), 1 << 20), metadata_(store_) {}
  ConnectorMetadata& metadata() override { return metadata_; }
  ConnectorSplitManager& splitManager() override { throw std::logic_error("unused"); }
  ConnectorPageSourceProvider& pageSourceProvider() override { throw std::logic_error("unused"); }
  const HandleCodec& handleCodec() const override { throw std::logic_error("unused"); }

  memory::MemoryStore store_;
  CountingMetadata metadata_;
};

class InformationSchemaTest : public testing::Test {
 protected:
  InformationSchemaTest() {
    auto& metadata = target_->metadata();
    metadata.createSchema("sales");
    metadata.createTable({{"sales", "orders"},
                             {{.name = "id", .type = BIGINT(), .nullable = false},
                                 {.name = "note", .type = VARCHAR(20), .comment = "free text"},
                                 {.name = "secret", .type = BIGINT(), .hidden = true}},
                             {}},
        false);
    metadata.createTable({{"default", "t"}, {{.name = "x", .type = DECIMAL(15, 2)}}, {}}, false);
    schema_ = createInformationSchemaConnector("mem", target_);
  }

  std::shared_ptr<CountingConnector> target_ = std::make_shared<CountingConnector>();
  std::shared_ptr<SystemTableConnector> schema_;
};

TEST_F(InformationSchemaTest, schemataAndTables) {
  EXPECT_EQ(schema_->metadata().listTables(std::nullopt).size(), 4u);
  EXPECT_EQ(readAll(*schema_, {"information_schema", "schemata"}),
      (std::vector<std::string>{"mem|default", "mem|information_schema", "mem|sales"}));
  EXPECT_EQ(readAll(*schema_, {"information_schema", "tables"}),
      (std::vector<std::string>{"mem|default|t|BASE TABLE", "mem|sales|orders|BASE TABLE"}));
  EXPECT_TRUE(readAll(*schema_, {"information_schema", "views"}).empty());
}

TEST_F(InformationSchemaTest, columnsSkipHiddenAndShowNullability) {
  EXPECT_EQ(readAll(*schema_, {"information_schema", "columns"}),
      (std::vector<std::string>{"mem|default|t|x|1|NULL|YES|decimal(15,2)|NULL|NULL",
          "mem|sales|orders|id|1|NULL|NO|bigint|NULL|NULL", "mem|sales|orders|note|2|NULL|YES|varchar(20)|free text|NULL"}));
}

TEST_F(InformationSchemaTest, schemaAndTableFiltersBecomeLookups) {
  target_->metadata_.listings = 0;
  auto rows = readAll(*schema_, {"information_schema", "columns"},
      equals("table_schema", "sales").intersect(equals("table_name", "orders")));
  EXPECT_EQ(rows.size(), 2u);
  EXPECT_EQ(target_->metadata_.listings, 0) << "an exact table lookup must not list tables";
  rows = readAll(*schema_, {"information_schema", "tables"}, equals("table_schema", "default"));
  EXPECT_EQ(rows, (std::vector<std::string>{"mem|default|t|BASE TABLE"}));
  EXPECT_EQ(target_->metadata_.listedSchemas, (std::vector<std::string>{"default"}));
  rows = readAll(*schema_, {"information_schema", "tables"}, equals("table_name", "orders"));
  EXPECT_EQ(rows, (std::vector<std::string>{"mem|sales|orders|BASE TABLE"}));
  EXPECT_TRUE(readAll(*schema_, {"information_schema", "columns"},
      equals("table_schema", "sales").intersect(equals("table_name", "nope")))
                  .empty());
}

TEST_F(InformationSchemaTest, filterOnOtherColumnsIsKeptByTheEngine) {
  auto handle = schema_->metadata().getTableHandle({"information_schema", "tables"});
  auto result = schema_->metadata().applyFilter(handle, equals("table_type", "VIEW"));
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->remainingFilter, equals("table_type", "VIEW"));
  EXPECT_EQ(schema_->metadata().applyFilter(result->handle, equals("table_type", "VIEW")), std::nullopt);
}

class FakeRuntime : public RuntimeInfoSource {
 public:
  std::vector<NodeInfo> nodes() const override {
    return {{"node-1", "http://127.0.0.1:8080", "0.1", true, "active"}, {"node-2", "http://127.0.0.1:8081", "0.1", false, "shutting_down"}};
  }
  std::vector<QueryInfoRow> queries() const override {
    QueryInfoRow query;
    query.nodeId = "node-1";
    query.queryId = "20261122_000000_00001_abcde";
    query.state = "FINISHED";
    query.user = "alice";
    query.query = "SELECT 1";
    query.created = 0;
    return {query};
  }
  std::vector<TaskInfoRow> tasks() const override {
    TaskInfoRow task;
    task.nodeId = "node-2";
    task.taskId = "q.1.0.0.0";
    task.queryId = "q";
    task.state = "RUNNING";
    task.splits = 4;
    return {task};
  }
};

TEST(SystemConnectorTest, catalogsAndRuntimeTables) {
  ConnectorRegistry registry;
  registry.add(std::make_shared<memory::MemoryConnectorFactory>());
  CatalogManager catalogs(registry, {});
  catalogs.createCatalog("memory", PropertiesFile::parse("connector.name=memory\n", "m"));
  catalogs.createCatalog("scratch", PropertiesFile::parse("connector.name=memory\n", "s"));
  auto system = createSystemConnector(catalogs, std::make_shared<FakeRuntime>());
  EXPECT_EQ(system->metadata().listSchemaNames(), (std::vector<std::string>{"metadata", "runtime"}));
  EXPECT_EQ(readAll(*system, {"metadata", "catalogs"}),
      (std::vector<std::string>{"memory|memory|memory", "scratch|scratch|memory"}));
  EXPECT_TRUE(readAll(*system, {"metadata", "table_properties"}).empty());
  EXPECT_EQ(readAll(*system, {"runtime", "nodes"}),
      (std::vector<std::string>{
          "node-1|http://127.0.0.1:8080|0.1|true|active", "node-2|http://127.0.0.1:8081|0.1|false|shutting_down"}));
  EXPECT_EQ(readAll(*system, {"runtime", "queries"}),
      (std::vector<std::string>{"node-1|20261122_000000_00001_abcde|FINISHED|alice||SELECT 1|[global]|0|0|0|"
                                "1970-01-01 00:00:00.000|NULL|NULL|NULL"}));
  auto tasks = readAll(*system, {"runtime", "tasks"});
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(tasks[0].substr(0, 33), "node-2|q.1.0.0.0|||q|RUNNING|4|0|");
  auto columns = system->metadata().getTableMetadata(*system->metadata().getTableHandle({"runtime", "tasks"})).columns;
  EXPECT_EQ(columns.size(), 24u);
  EXPECT_EQ(columns.back().name, "end");
}

} // namespace
} // namespace presto::connector
