#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "testing/ErrorText.h"
#include "connector/spi/CatalogManager.h"

namespace presto::connector {
namespace {

using test::errorOf;

class FakeTableHandle : public TableHandle {
 public:
  explicit FakeTableHandle(std::string description) : description_(std::move(description)) {}
  std::string toJson() const override { return "{\"table\":\"" + description_ + "\"}"; }
  std::string toString() const override { return description_; }

 private:
  std::string description_;
};

/// A connector whose metadata records every filter and limit offered to it.
class RecordingMetadata : public ConnectorMetadata {
 public:
  std::vector<std::string> listSchemaNames() override { return {"default"}; }
  std::vector<SchemaTableName> listTables(const std::optional<std::string>&) override { return {{"default", "t"}}; }
  TableHandlePtr getTableHandle(const SchemaTableName& name) override {
    return name.table == "t" ? std::make_shared<FakeTableHandle>("t") : nullptr;
  }
  TableMetadata getTableMetadata(const TableHandle&) override { return {{"default", "t"}, {ColumnMetadata{.name = "x", .type = BIGINT()}}, {}};
  }
  std::vector<ColumnHandlePtr> getColumnHandles(const TableHandle&) override { return {}; }
  std::optional<FilterPushdownResult> applyFilter(const TableHandlePtr& table, const TupleDomain& filter) override {
    pushedFilters.push_back(filter.toString());
    return FilterPushdownResult{std::make_shared<FakeTableHandle>(table->toString() + " filtered"), TupleDomain::all()};
  }

  std::vector<std::string> pushedFilters;
};

class FakeConnector : public Connector {
 public:
  ConnectorMetadata& metadata() override { return metadata_; }
  ConnectorSplitManager& splitManager() override { throw std::logic_error("unused"); }
  ConnectorPageSourceProvider& pageSourceProvider() override { throw std::logic_error("unused"); }
  const HandleCodec& handleCodec() const override { throw std::logic_error("unused"); }

  RecordingMetadata metadata_;
  int64_t splitsPerNode = 0;
};

class FakeFactory : public ConnectorFactory {
 public:
  std::string name() const override { return "fake"; }
  ConnectorPtr create(const std::string&, ConfigReader& properties, const ConnectorContext&) override {
    auto connector = std::make_shared<FakeConnector>();
    connector->splitsPerNode = properties.getInt("fake.splits-per-node", 4);
    return connector;
  }
};

class CatalogManagerTest : public testing::Test {
 protected:
  CatalogManagerTest() { registry_.add(std::make_shared<FakeFactory>()); }

  ConnectorRegistry registry_;
};

TEST_F(CatalogManagerTest, createsCatalogsFromProperties) {
  CatalogManager catalogs(registry_, ConnectorContext{});
  catalogs.createCatalog("one", PropertiesFile::parse("connector.name=fake\nfake.splits-per-node=8\n", "one.properties"));
  catalogs.createCatalog("two", PropertiesFile::parse("connector.name=fake\n", "two.properties"));
  EXPECT_EQ(catalogs.catalogNames(), (std::vector<std::string>{"one", "two"}));
  EXPECT_EQ(catalogs.connectorName("one"), "fake");
  auto connector = std::dynamic_pointer_cast<FakeConnector>(catalogs.requireConnector("one"));
  EXPECT_EQ(connector->splitsPerNode, 8);
  EXPECT_EQ(catalogs.connector("missing"), nullptr);
  EXPECT_EQ(errorOf([&] { catalogs.requireConnector("missing"); }), "NOT_FOUND: Catalog 'missing' does not exist");
  EXPECT_EQ(errorOf([&] { catalogs.createCatalog("one", PropertiesFile::parse("connector.name=fake\n", "x")); }),
      "ALREADY_EXISTS: Catalog 'one' already exists");
}

TEST_F(CatalogManagerTest, failsLoudlyOnBadConfiguration) {
  CatalogManager catalogs(registry_, ConnectorContext{});
  EXPECT_EQ(errorOf([&] { catalogs.createCatalog("a", PropertiesFile::parse("connector.name=hive\n", "a.properties")); }),
      "CONFIGURATION_INVALID: Unknown connector 'hive' (known connectors: fake)");
  EXPECT_EQ(errorOf([&] { catalogs.createCatalog("b", PropertiesFile::parse("fake.splits-per-node=1\n", "b.properties")); }),
      "CONFIGURATION_INVALID: b.properties: catalog 'b' has no connector.name");
  EXPECT_EQ(errorOf([&] {
    catalogs.createCatalog("c", PropertiesFile::parse("connector.name=fake\nfake.split-per-node=1\n", "c.properties"));
  }),
      "CONFIGURATION_INVALID: c.properties: unknown configuration properties: fake.split-per-node");
  EXPECT_EQ(errorOf([&] {
    catalogs.createCatalog("d", PropertiesFile::parse("connector.name=fake\nfake.splits-per-node=many\n", "d.properties"));
  }),
      "CONFIGURATION_INVALID: d.properties: property 'fake.splits-per-node' has value 'many', expected an integer");
  EXPECT_TRUE(catalogs.catalogNames().empty());
}

TEST_F(CatalogManagerTest, loadsCatalogDirectory) {
  auto directory = std::filesystem::temp_directory_path() / ("catalogs-" + std::to_string(::getpid()));
  std::filesystem::create_directories(directory);
  std::ofstream(directory / "alpha.properties") << "connector.name=fake\n";
  std::ofstream(directory / "beta.properties") << "connector.name=fake\n";
  std::ofstream(directory / "notes.txt") << "ignored\n";
  CatalogManager catalogs(registry_, ConnectorContext{});
  catalogs.loadCatalogs(directory.string());
  EXPECT_EQ(catalogs.catalogNames(), (std::vector<std::string>{"alpha", "beta"}));
  std::filesystem::remove_all(directory);
  EXPECT_EQ(errorOf([&] { catalogs.loadCatalogs("/nonexistent/catalog"); }).substr(0, 52),
      "CONFIGURATION_INVALID: Cannot list catalog directory");
}

TEST_F(CatalogManagerTest, metadataDefaultsAndPushdownRecording) {
  FakeConnector connector;
  auto& metadata = connector.metadata();
  auto table = metadata.getTableHandle({"default", "t"});
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(metadata.getTableHandle({"default", "u"}), nullptr);
  EXPECT_TRUE(metadata.schemaExists("default"));
  EXPECT_FALSE(metadata.schemaExists("other"));
  auto filter = TupleDomain::withColumnDomains({{"x", Domain::singleValue(BIGINT(), Value(int64_t{3}))}});
  auto result = metadata.applyFilter(table, filter);
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->handle->toString(), "t filtered");
  EXPECT_EQ(connector.metadata_.pushedFilters, (std::vector<std::string>{"{x => {3}}"}));
  EXPECT_FALSE(metadata.applyLimit(table, 10).has_value());
  EXPECT_FALSE(metadata.getTableStatistics(*table).rowCount.has_value());
  EXPECT_EQ(errorOf([&] { metadata.createTable({{"default", "n"}, {}, {}}, false); }),
      "NOT_SUPPORTED: This connector does not support creating tables");
  EXPECT_EQ(errorOf([&] { connector.pageSinkProvider(); }), "NOT_SUPPORTED: This connector does not support writes");
}

TEST(FixedSplitSourceTest, returnsBatches) {
  class NamedSplit : public ConnectorSplit {
   public:
    explicit NamedSplit(int id) : id_(id) {}
    std::string toJson() const override { return std::to_string(id_); }
    std::string toString() const override { return std::to_string(id_); }

   private:
    int id_;
  };
  std::vector<ConnectorSplitPtr> splits;
  for (int i = 0; i < 5; ++i) splits.push_back(std::make_shared<NamedSplit>(i));
  FixedSplitSource source(splits);
  EXPECT_EQ(source.getNextBatch(2).size(), 2u);
  EXPECT_EQ(source.getNextBatch(2).size(), 2u);
  EXPECT_FALSE(source.isFinished());
  auto last = source.getNextBatch(2);
  ASSERT_EQ(last.size(), 1u);
  EXPECT_EQ(last[0]->toString(), "4");
  EXPECT_TRUE(source.isFinished());
  EXPECT_TRUE(source.getNextBatch(2).empty());
}

} // namespace
} // namespace presto::connector
