#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "Md5.h"
#include "TblChecksum.h"
#include "common/PrestoException.h"
#include "connector/tpch/LineitemIndex.h"
#include "connector/tpch/PartKeys.h"
#include "connector/tpch/TextPool.h"
#include "connector/tpch/TpchColumn.h"
#include "connector/tpch/TpchDate.h"
#include "connector/tpch/TpchGenerator.h"
#include "connector/tpch/TpchReader.h"
#include "connector/tpch/TpchStatistics.h"

namespace presto::tpch::test {
namespace {

TEST(TpchScaleTest, followsDbgenRowCountRules) {
  const TpchScale tiny(0.01);
  EXPECT_EQ(tiny.parts(), 2000);
  EXPECT_EQ(tiny.suppliers(), 100);
  EXPECT_EQ(tiny.customers(), 1500);
  EXPECT_EQ(tiny.orders(), 15000);
  EXPECT_EQ(tiny.clerks(), 1000);

  const TpchScale half(0.5);
  EXPECT_EQ(half.parts(), 100000);
  EXPECT_EQ(half.orders(), 750000);
  EXPECT_EQ(half.clerks(), 1000);

  const TpchScale smallest(0.0001);
  EXPECT_EQ(smallest.parts(), 1);
  EXPECT_EQ(smallest.suppliers(), 1);
  EXPECT_EQ(smallest.customers(), 1);
  EXPECT_EQ(smallest.orders(), 1);

  // From 1 up the scale is truncated, as dbgen's (long) cast does.
  const TpchScale oneAndAHalf(1.5);
  EXPECT_EQ(oneAndAHalf.orders(), 1500000);
  const TpchScale hundred(100);
  EXPECT_EQ(hundred.customers(), 15000000);
  EXPECT_EQ(hundred.clerks(), 100000);

  EXPECT_THROW(TpchScale(0), PrestoException);
  EXPECT_THROW(TpchScale(-1), PrestoException);
  EXPECT_THROW(TpchScale(30000), PrestoException);
}

TEST(TpchGeneratorTest, rowCounts) {
  const TpchGenerator tiny(0.01);
  EXPECT_EQ(tiny.rowCount(TpchTable::kPartsupp), 8000);
  EXPECT_EQ(tiny.rowCount(TpchTable::kLineitem), 60175);
  EXPECT_EQ(tiny.rowCount(TpchTable::kNation), 25);
  EXPECT_EQ(tiny.rowCount(TpchTable::kRegion), 5);
  EXPECT_EQ(TpchGenerator(1).rowCount(TpchTable::kLineitem), 6001215);
  EXPECT_EQ(TpchGenerator(0.0001).rowCount(TpchTable::kLineitem), 6);
}

TEST(TpchGeneratorTest, lineitemIndexLocatesRows) {
  const LineitemIndex index(15000);
  EXPECT_EQ(index.totalLines(), 60175);
  // Order 1 has 6 lines, order 2 has 1.
  EXPECT_EQ(index.locate(0).order, 0);
  EXPECT_EQ(index.locate(5).order, 0);
  EXPECT_EQ(index.locate(5).line, 5);
  EXPECT_EQ(index.locate(6).order, 1);
  EXPECT_EQ(index.locate(6).line, 0);
  EXPECT_EQ(index.locate(60175).order, 15000);
  for (int64_t order : {0, 1, 4095, 4096, 4097, 14999, 15000}) {
    EXPECT_EQ(index.locate(index.linesBefore(order)).order, order);
  }
}

TEST(TpchGeneratorTest, textPoolMatchesDbgen) {
  const TextPool& pool = TextPool::get();
  EXPECT_EQ(pool.text().substr(0, 40), "furiously special foxes haggle furiously");
  EXPECT_EQ(Md5::of(pool.text()), "0f85e3af02482a7035e80b448c795a4c");
}

TEST(TpchGeneratorTest, generatesKnownValues) {
  const TpchGenerator generator(1);
  TpchBatch batch;
  const std::vector<int32_t> address{*findColumn(TpchTable::kCustomer, "c_address")};
  generator.generate(TpchTable::kCustomer, 0, 1, address, batch);
  EXPECT_EQ(batch.columns[0].strings.at(0), "IVhzIApeRb ot,c,E");

  // Order 2's customer scales with the customer count.
  const std::vector<int32_t> custkey{1};
  generator.generate(TpchTable::kOrders, 1, 2, custkey, batch);
  EXPECT_EQ(batch.columns[0].int64Values[0], 78002);

  // Values are typed: dates as days since the epoch, decimals as cents.
  const std::vector<int32_t> lineColumns{
      *findColumn(TpchTable::kLineitem, "quantity"),
      *findColumn(TpchTable::kLineitem, "l_extendedprice"),
      *findColumn(TpchTable::kLineitem, "l_shipdate"),
      *findColumn(TpchTable::kLineitem, "l_linenumber")};
  TpchGenerator(0.01).generate(TpchTable::kLineitem, 0, 1, lineColumns, batch);
  EXPECT_EQ(batch.columns[0].int64Values[0], 1700);
  EXPECT_EQ(batch.columns[1].int64Values[0], 2471035);
  EXPECT_EQ(batch.columns[2].int32Values[0], daysSinceEpoch(1996, 3, 13));
  EXPECT_EQ(batch.columns[3].int32Values[0], 1);
}

TEST(TpchGeneratorTest, readerReturnsBatchesUntilExhausted) {
  const TpchGenerator generator(0.01);
  TpchReader reader(generator, TpchTable::kLineitem, 10, 1010, {0, 3});
  TpchBatch batch;
  int64_t rows = 0;
  int32_t batches = 0;
  while (reader.next(300, batch)) {
    EXPECT_EQ(batch.columns[0].int64Values.size(), static_cast<size_t>(batch.numRows));
    rows += batch.numRows;
    ++batches;
  }
  EXPECT_EQ(rows, 1000);
  EXPECT_EQ(batches, 4);
  EXPECT_EQ(batch.numRows, 0);
  EXPECT_THROW(TpchReader(generator, TpchTable::kNation, 0, 26, {0}), PrestoException);
}

TEST(TpchGeneratorTest, readersRunConcurrently) {
  const TpchGenerator serial(0.01);
  std::string expected;
  renderTbl(
      serial,
      TpchTable::kLineitem,
      0,
      serial.rowCount(TpchTable::kLineitem),
      [&](std::string_view text) { expected.append(text); });
  // A fresh generator, so the threads also race to build the lineitem index.
  const TpchGenerator shared(0.01);
  constexpr int32_t kThreads = 4;
  std::vector<std::string> parts(kThreads);
  std::vector<std::thread> threads;
  for (int32_t thread = 0; thread < kThreads; ++thread) {
    threads.emplace_back([&, thread] {
      const int64_t rows = shared.rowCount(TpchTable::kLineitem);
      renderTbl(
          shared,
          TpchTable::kLineitem,
          rows * thread / kThreads,
          rows * (thread + 1) / kThreads,
          [&](std::string_view text) { parts[thread].append(text); });
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  std::string concatenated;
  for (const auto& part : parts) {
    concatenated += part;
  }
  EXPECT_EQ(concatenated, expected);
}

/// A fractional scale factor shrinks every key range consistently: SF 0.5 has 100000 parts,
/// 5000 suppliers and 75000 customers, and lines reference only existing (part, supplier) pairs.
TEST(TpchGeneratorTest, fractionalScaleFactorKeepsKeysConsistent) {
  const TpchGenerator generator(0.5);
  TpchBatch lines;
  const std::vector<int32_t> keys{1, 2};
  generator.generate(TpchTable::kLineitem, 0, 20000, keys, lines);
  for (int64_t row = 0; row < lines.numRows; ++row) {
    const int64_t partKey = lines.columns[0].int64Values[row];
    const int64_t suppKey = lines.columns[1].int64Values[row];
    ASSERT_GE(partKey, 1);
    ASSERT_LE(partKey, 100000);
    std::set<int64_t> suppliers;
    for (int64_t slot = 0; slot < 4; ++slot) {
      suppliers.insert(partSupplier(partKey, slot, 5000));
    }
    ASSERT_TRUE(suppliers.contains(suppKey)) << "row " << row;
  }
  TpchBatch orders;
  const std::vector<int32_t> custkey{1};
  generator.generate(TpchTable::kOrders, 0, 20000, custkey, orders);
  for (int64_t custKey : orders.columns[0].int64Values) {
    ASSERT_GE(custKey, 1);
    ASSERT_LE(custKey, 75000);
    ASSERT_NE(custKey % 3, 0);
  }
}

TEST(TpchColumnTest, describesColumns) {
  const auto lineitem = tableColumns(TpchTable::kLineitem);
  ASSERT_EQ(lineitem.size(), 16u);
  EXPECT_EQ(lineitem[0].name, "l_orderkey");
  EXPECT_EQ(lineitem[0].simplifiedName, "orderkey");
  EXPECT_EQ(lineitem[4].typeName, "decimal(15,2)");
  EXPECT_EQ(lineitem[10].typeName, "date");
  EXPECT_EQ(lineitem[15].typeName, "varchar(44)");
  EXPECT_EQ(tableColumns(TpchTable::kPartsupp)[2].typeName, "integer");
  EXPECT_EQ(findColumn(TpchTable::kOrders, "O_CLERK"), 6);
  EXPECT_EQ(findColumn(TpchTable::kOrders, "clerk"), 6);
  EXPECT_FALSE(findColumn(TpchTable::kOrders, "nope").has_value());
  EXPECT_EQ(tableFromName("LineItem"), TpchTable::kLineitem);
  EXPECT_FALSE(tableFromName("lineitems").has_value());
}

TEST(TpchStatisticsTest, keyColumns) {
  const TpchScale scale(1);
  const auto orderkey = columnStatistics(scale, TpchTable::kOrders, 0);
  EXPECT_EQ(orderkey.min, 1);
  EXPECT_EQ(orderkey.max, 6000000);
  EXPECT_EQ(orderkey.distinctCount, 1500000);
  const auto partkey = columnStatistics(scale, TpchTable::kPartsupp, 0);
  EXPECT_EQ(partkey.max, 200000);
  EXPECT_EQ(partkey.distinctCount, 200000);
  EXPECT_EQ(columnStatistics(scale, TpchTable::kNation, 2).distinctCount, 5);
  EXPECT_FALSE(columnStatistics(scale, TpchTable::kLineitem, 4).min.has_value());
}

} // namespace
} // namespace presto::tpch::test
