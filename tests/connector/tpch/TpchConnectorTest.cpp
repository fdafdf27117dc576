#include <gtest/gtest.h>

#include "common/PrestoException.h"
#include "connector/spi/CatalogManager.h"
#include "connector/tpch/TpchConnector.h"
#include "vector/VectorValues.h"

namespace presto::tpch {
namespace {

using connector::CatalogManager;
using connector::ConnectorRegistry;

class TpchConnectorTest : public testing::Test {
 protected:
  TpchConnectorTest() {
    registry_.add(std::make_shared<TpchConnectorFactory>());
    catalogs_ = std::make_unique<CatalogManager>(registry_, connector::ConnectorContext{});
    catalogs_->createCatalog("tpch", PropertiesFile::parse("connector.name=tpch\ntpch.column-naming=STANDARD\n"
                                                           "tpch.splits-per-node=3\n", "tpch.properties"));
    catalogs_->createCatalog("simple", PropertiesFile::parse("connector.name=tpch\n", "simple.properties"));
  }

  connector::Connector& tpch() { return *catalogs_->requireConnector("tpch"); }

  // Reads every split of a table, returning the pages' rows as text.
  std::vector<std::string> readTable(const std::string& schema, const std::string& table,
      const std::vector<std::string>& columnNames, size_t& splitCount) {
    auto& metadata = tpch().metadata();
    auto handle = metadata.getTableHandle({schema, table});
    EXPECT_NE(handle, nullptr);
    std::vector<connector::ColumnHandlePtr> columns;
    for (const auto& name : columnNames) {
      for (const auto& column : metadata.getColumnHandles(*handle)) {
        if (column->name() == name) columns.push_back(column);
      }
    }
    auto splits = tpch().splitManager().getSplits(handle, connector::SplitContext{{"node-1"}});
    std::vector<std::string> rows;
    splitCount = 0;
    while (!splits->isFinished()) {
      for (const auto& split : splits->getNextBatch(2)) {
        ++splitCount;
        auto source = tpch().pageSourceProvider().createPageSource(split, handle, columns, connector::TupleDomain::all());
        while (!source->isFinished()) {
          if (auto page = source->getNextPage()) {
            EXPECT_EQ(page->numColumns(), columns.size());
            for (vector_size_t row = 0; row < page->numRows(); ++row) {
              std::string text;
              for (size_t column = 0; column < page->numColumns(); ++column) {
                text += (column ? "|" : "") + page->column(column)->toString(row);
              }
              rows.push_back(text);
            }
          }
        }
      }
    }
    return rows;
  }

  ConnectorRegistry registry_;
  std::unique_ptr<CatalogManager> catalogs_;
};

TEST_F(TpchConnectorTest, schemasAndTables) {
  auto& metadata = tpch().metadata();
  EXPECT_EQ(metadata.listSchemaNames(), (std::vector<std::string>{"tiny", "sf1", "sf10", "sf100", "sf1000"}));
  EXPECT_TRUE(metadata.schemaExists("sf0.5"));
  EXPECT_TRUE(metadata.schemaExists("sf3"));
  EXPECT_FALSE(metadata.schemaExists("sf"));
  EXPECT_FALSE(metadata.schemaExists("sfx"));
  EXPECT_FALSE(metadata.schemaExists("sf-1"));
  EXPECT_FALSE(metadata.schemaExists("default"));
  EXPECT_EQ(metadata.listTables(std::string("tiny")).size(), 8u);
  EXPECT_EQ(metadata.listTables(std::nullopt).size(), 40u);
  EXPECT_EQ(metadata.getTableHandle({"tiny", "nope"}), nullptr);
  EXPECT_EQ(metadata.getTableHandle({"huge", "lineitem"}), nullptr);
  EXPECT_EQ(scaleFactorOfSchema("sf0.01"), 0.01);
  EXPECT_EQ(scaleFactorOfSchema("tiny"), 0.01);
}

TEST_F(TpchConnectorTest, columnsFollowNamingAndSchemaTypes) {
  auto handle = tpch().metadata().getTableHandle({"tiny", "lineitem"});
  auto table = tpch().metadata().getTableMetadata(*handle);
  ASSERT_EQ(table.columns.size(), 16u);
  EXPECT_EQ(table.columns[0].name, "l_orderkey");
  EXPECT_EQ(table.columns[0].type->toString(), "bigint");
  EXPECT_EQ(table.columns[5].type->toString(), "decimal(15,2)");
  EXPECT_EQ(table.columns[10].name, "l_shipdate");
  EXPECT_EQ(table.columns[10].type->toString(), "date");
  auto& simple = *catalogs_->requireConnector("simple");
  auto simpleHandle = simple.metadata().getTableHandle({"tiny", "lineitem"});
  EXPECT_EQ(simple.metadata().getTableMetadata(*simpleHandle).columns[0].name, "orderkey");
}

TEST_F(TpchConnectorTest, readsExactlyTheDbgenRows) {
  size_t splits = 0;
  auto nation = readTable("tiny", "nation", {"n_nationkey", "n_name", "n_regionkey", "n_comment"}, splits);
  ASSERT_EQ(nation.size(), 25u);
  EXPECT_EQ(splits, 1u);
  EXPECT_EQ(nation[0], "0|ALGERIA|0| haggle. carefully final deposits detect slyly agai");
  auto lineitem = readTable("tiny", "lineitem",
      {"l_orderkey", "l_extendedprice", "l_returnflag", "l_shipdate", "l_comment", "l_orderkey"}, splits);
  EXPECT_EQ(splits, 3u);
  ASSERT_EQ(lineitem.size(), 60175u);
  EXPECT_EQ(lineitem[0], "1|24710.35|N|1996-03-13|egular courts above the|1");
  EXPECT_EQ(lineitem[2], "1|12301.04|N|1996-01-29|riously. regular, express dep|1");
}

TEST_F(TpchConnectorTest, exactStatistics) {
  auto& metadata = tpch().metadata();
  auto stats = metadata.getTableStatistics(*metadata.getTableHandle({"sf1", "orders"}));
  EXPECT_EQ(stats.rowCount, 1500000.0);
  EXPECT_EQ(stats.columns.at("o_orderkey").min, Value(int64_t{1}));
  EXPECT_EQ(stats.columns.at("o_orderkey").max, Value(int64_t{6000000}));
  auto lineitem = metadata.getTableStatistics(*metadata.getTableHandle({"tiny", "lineitem"}));
  EXPECT_EQ(lineitem.rowCount, 60175.0);
}

TEST_F(TpchConnectorTest, handlesTravelAsJson) {
  const auto& codec = tpch().handleCodec();
  auto handle = tpch().metadata().getTableHandle({"sf1", "orders"});
  auto table = codec.tableHandleFromJson(handle->toJson());
  EXPECT_EQ(table->toString(), "tpch:sf1:orders");
  auto column = tpch().metadata().getColumnHandles(*handle)[3];
  auto decodedColumn = codec.columnHandleFromJson(column->toJson());
  EXPECT_EQ(decodedColumn->name(), "o_totalprice");
  EXPECT_EQ(decodedColumn->type()->toString(), "decimal(15,2)");
  auto split = tpch().splitManager().getSplits(handle, {})->getNextBatch(1).at(0);
  EXPECT_EQ(codec.splitFromJson(split->toJson())->toString(), split->toString());
  EXPECT_THROW(codec.splitFromJson("{not json"), PrestoException);
}

TEST_F(TpchConnectorTest, rejectsBadCatalogProperties) {
  auto create = [&](const std::string& text) {
    CatalogManager catalogs(registry_, connector::ConnectorContext{});
    catalogs.createCatalog("x", PropertiesFile::parse(text, "x.properties"));
  };
  EXPECT_THROW(create("connector.name=tpch\ntpch.column-naming=SHORT\n"), PrestoException);
  EXPECT_THROW(create("connector.name=tpch\ntpch.splits-per-node=0\n"), PrestoException);
  EXPECT_THROW(create("connector.name=tpch\ntpch.unknown=1\n"), PrestoException);
}

} // namespace
} // namespace presto::tpch
