#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "ResultText.h"
#include "common/PrestoException.h"
#include "testing/TextFile.h"

namespace presto::engine::test {
namespace {

/// A scale factor's schema and where DuckDB's answers for it are.
struct Scale {
  std::string schema;
  std::string answers;
};

/// The 22 TPC-H queries against DuckDB's answers: on tpch.tiny those of ../shared/tpch/answers, on
/// tpch.sf1 those of tests/engine/answers/sf1 (computed by scripts/tpch-duckdb-answers.sh).
class TpchQueriesTest : public ::testing::TestWithParam<std::tuple<Scale, int>> {
 protected:
  static LocalQueryRunner& runner() {
    static LocalQueryRunner runner;
    return runner;
  }
};

TEST_P(TpchQueriesTest, matchesDuckDb) {
  const auto& [scale, query] = GetParam();
  auto name = fmt::format("q{:02d}", query);
  auto sql = presto::test::readTextFile(std::string(PRESTO_SHARED_DIR) + "/tpch/queries/" + name + ".sql");
  StatementResult result;
  sql::Session session("test", "tpch", scale.schema);
  try {
    result = runner().execute(session, sql);
  } catch (const PrestoException& error) {
    FAIL() << name << " failed: " << error.what();
  }
  std::istringstream answer(presto::test::readTextFile(scale.answers + "/" + name + ".csv"));
  std::string line;
  std::getline(answer, line);
  auto header = parseCsvLine(line);
  ASSERT_EQ(result.columnNames.size(), header.size());
  std::vector<std::vector<std::string>> expected;
  while (std::getline(answer, line)) {
    expected.push_back(parseCsvLine(line));
  }
  auto actual = resultValues(result);
  ASSERT_EQ(actual.size(), expected.size()) << name;
  // Every TPC-H query orders its result completely, so rows compare in order.
  for (size_t row = 0; row < actual.size(); ++row) {
    const auto& values = actual[row];
    ASSERT_EQ(values.size(), expected[row].size()) << name << " row " << row;
    for (size_t column = 0; column < values.size(); ++column) {
      // The CSV answers write NULL as an empty field.
      bool bothNull = values[column] == "NULL" && expected[row][column].empty();
      EXPECT_TRUE(bothNull || sameValue(values[column], expected[row][column], *result.columnTypes[column]))
          << name << " row " << row << " column " << result.columnNames[column] << ": got " << values[column]
          << ", expected " << expected[row][column];
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Tpch, TpchQueriesTest,
    ::testing::Combine(::testing::Values(Scale{"tiny", std::string(PRESTO_SHARED_DIR) + "/tpch/answers/duckdb-sf0.01"},
                           Scale{"sf1", std::string(PRESTO_ENGINE_TEST_DIR) + "/answers/sf1"}),
        ::testing::Range(1, 23)),
    [](const auto& info) { return fmt::format("{}_q{:02d}", std::get<0>(info.param).schema, std::get<1>(info.param)); });

} // namespace
} // namespace presto::engine::test
