#include <gtest/gtest.h>

#include <sstream>

#include "client/cli/ProgressLine.h"

namespace presto::cli {
namespace {

StatementStats runningStats() {
  StatementStats stats;
  stats.wallMillis = 3'400;
  stats.processedRows = 6'000'000;
  stats.processedBytes = 48'000'000;
  stats.totalSplits = 40;
  stats.queuedSplits = 2;
  stats.runningSplits = 8;
  stats.completedSplits = 30;
  return stats;
}

TEST(ProgressLineTest, showsStateTimeRowsRatesBarAndSplits) {
  EXPECT_EQ(renderProgress("RUNNING", runningStats(), 200),
      "RUNNING 0:03 [6M rows, 45.8MB] [1.76M rows/s, 13.5MB/s] [===============>    ] 75% splits 2/8/30");
}

TEST(ProgressLineTest, leavesOutWhatIsUnknownAndFitsTheWidth) {
  StatementStats stats;
  stats.wallMillis = 61'000;
  stats.processedRows = 1500;
  EXPECT_EQ(renderProgress("QUEUED", stats, 200), "QUEUED 1:01 [1.5K rows] [24 rows/s]");
  EXPECT_EQ(renderProgress("RUNNING", runningStats(), 20), "RUNNING 0:03 [6M row");
  stats.totalSplits = 4;
  stats.completedSplits = 4;
  EXPECT_EQ(renderProgress("FINISHING", stats, 200),
      "FINISHING 1:01 [1.5K rows] [24 rows/s] [====================] 100% splits 0/0/4");
}

TEST(ProgressLineTest, redrawsInPlaceAndErases) {
  std::ostringstream out;
  ProgressLine line(out, 41);
  line.clear();
  EXPECT_EQ(out.str(), "");
  line.update("RUNNING", runningStats());
  line.update("RUNNING", runningStats());
  line.clear();
  line.clear();
  std::string text = "\rRUNNING 0:03 [6M rows, 45.8MB] [1.76M ro\033[K";
  EXPECT_EQ(out.str(), text + text + "\r\033[K");
}

} // namespace
} // namespace presto::cli
