#include <sstream>

#include <gtest/gtest.h>

#include "client/cli/StatementReport.h"

namespace presto::cli {
namespace {

TEST(StatementReportTest, countsAndSizesAbbreviateAsPrestoCli) {
  EXPECT_EQ(formatCount(0), "0");
  EXPECT_EQ(formatCount(999), "999");
  EXPECT_EQ(formatCount(1000), "1000");
  EXPECT_EQ(formatCount(1234), "1.23K");
  EXPECT_EQ(formatCount(60175), "60.2K");
  EXPECT_EQ(formatCount(6001215), "6M");
  EXPECT_EQ(formatDataSize(512), "512B");
  EXPECT_EQ(formatDataSize(2222), "2.17KB");
  EXPECT_EQ(formatDataSize(1536 * 1024), "1.5MB");
  EXPECT_EQ(formatFinalTime(250), "0.25");
  EXPECT_EQ(formatFinalTime(83'000), "1:23");
}

TEST(StatementReportTest, failureShowsTheLineAndACaretInInteractiveMode) {
  StatementOutcome outcome;
  outcome.queryId = "20260101_000000_00001_abcde";
  outcome.state = "FAILED";
  outcome.failure = StatementFailure{"line 2:3: Column 'nope' cannot be resolved", std::make_pair(2, 3)};
  std::ostringstream batch;
  printFailure(batch, outcome);
  EXPECT_EQ(batch.str(), "Query 20260101_000000_00001_abcde failed: line 2:3: Column 'nope' cannot be resolved\n");
  std::ostringstream interactive;
  std::string sql = "SELECT 1,\n  nope";
  printFailure(interactive, outcome, &sql);
  EXPECT_EQ(interactive.str(),
      "Query 20260101_000000_00001_abcde failed: line 2:3: Column 'nope' cannot be resolved\n"
      "LINE 2:   nope\n"
      "          ^\n"
      "\n");
}

TEST(StatementReportTest, summaryPrintsWhatIsKnown) {
  StatementOutcome outcome;
  outcome.queryId = "20260101_000000_00002_abcde";
  outcome.state = "FINISHED";
  outcome.stats.nodes = 1;
  outcome.stats.totalSplits = 17;
  outcome.stats.completedSplits = 17;
  outcome.stats.cpuMillis = 100;
  outcome.stats.wallMillis = 250;
  outcome.stats.processedRows = 25;
  outcome.stats.processedBytes = 2222;
  std::ostringstream full;
  printSummary(full, outcome);
  EXPECT_EQ(full.str(),
      "\n"
      "Query 20260101_000000_00002_abcde, FINISHED, 1 node\n"
      "Splits: 17 total, 17 done (100.00%)\n"
      "CPU Time: 0.1s total,   250 rows/s, 21.7KB/s, 40% active\n"
      "0.25 [25 rows, 2.17KB] [100 rows/s, 8.68KB/s]\n"
      "\n");

  StatementOutcome embedded;
  embedded.queryId = "20260101_000000_00003_abcde";
  embedded.state = "FINISHED";
  embedded.stats.nodes = 1;
  embedded.stats.wallMillis = 500;
  embedded.stats.processedRows = 25;
  std::ostringstream partial;
  printSummary(partial, embedded);
  EXPECT_EQ(partial.str(), "\nQuery 20260101_000000_00003_abcde, FINISHED, 1 node\n0.50 [25 rows] [50 rows/s]\n\n");

  StatementOutcome nothingRan;
  std::ostringstream none;
  printSummary(none, nothingRan);
  EXPECT_EQ(none.str(), "");
}

} // namespace
} // namespace presto::cli
