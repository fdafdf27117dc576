#include <gtest/gtest.h>

#include "server/coordinator/QueryOutput.h"
#include "vector/VectorValues.h"

namespace presto::server {
namespace {

PagePtr page(int64_t rows) {
  std::vector<Value> values(rows, Value(int64_t{1}));
  return std::make_shared<Page>(std::vector<VectorPtr>{vectorFromValues(BIGINT(), values)});
}

TEST(QueryOutputTest, finishedOnlyOncePagesAreTaken) {
  QueryOutput output;
  output.setColumns({{"x", BIGINT()}});
  output.addPage(page(3));
  output.finish();
  EXPECT_TRUE(output.isComplete());
  EXPECT_EQ(output.state(), QueryState::kFinishing);
  EXPECT_EQ(output.takePages(1 << 20).pages.size(), 1u);
  EXPECT_EQ(output.state(), QueryState::kFinished);
}

TEST(QueryOutputTest, statesOnlyMoveForward) {
  QueryOutput output;
  output.setState(QueryState::kRunning);
  output.setState(QueryState::kPlanning);
  EXPECT_EQ(output.state(), QueryState::kRunning);
  output.setState(QueryState::kFinished);
  EXPECT_EQ(output.state(), QueryState::kRunning);
}

TEST(QueryOutputTest, firstOutcomeWins) {
  QueryOutput output;
  output.addPage(page(1));
  output.fail(PrestoException(errors::DIVISION_BY_ZERO, "Division by zero"));
  output.finish();
  EXPECT_EQ(output.state(), QueryState::kFailed);
  EXPECT_FALSE(output.hasPages());
  EXPECT_EQ(output.failure()->errorCode(), errors::DIVISION_BY_ZERO);
}

TEST(QueryOutputTest, abortRunsTheEngineCallbackAndWinsOverUnconsumedResults) {
  QueryOutput output;
  bool aborted = false;
  output.onAbort([&] { aborted = true; });
  output.addPage(page(1));
  output.finish();
  output.abort(PrestoException(errors::USER_CANCELED, "Query was canceled"));
  EXPECT_TRUE(aborted);
  EXPECT_TRUE(output.isAborted());
  EXPECT_EQ(output.state(), QueryState::kFailed);
}

TEST(QueryOutputTest, abortAfterEverythingWasTakenKeepsFinished) {
  QueryOutput output;
  output.addPage(page(1));
  output.finish();
  output.takePages(1 << 20);
  output.abort(PrestoException(errors::USER_CANCELED, "Query was canceled"));
  EXPECT_EQ(output.state(), QueryState::kFinished);
}

TEST(QueryOutputTest, backPressure) {
  QueryOutput output(/*bufferLimitBytes=*/1);
  EXPECT_FALSE(output.addPage(page(10)));
  bool resumed = false;
  output.onBufferAvailable([&] { resumed = true; });
  EXPECT_FALSE(resumed);
  auto taken = output.takePages(1 << 20);
  ASSERT_TRUE(taken.resumeProducer);
  taken.resumeProducer();
  EXPECT_TRUE(resumed);
}

TEST(QueryOutputTest, takePagesSendsAtLeastOnePage) {
  QueryOutput output;
  output.addPage(page(100));
  output.addPage(page(100));
  EXPECT_EQ(output.takePages(1).pages.size(), 1u);
  EXPECT_EQ(output.takePages(1 << 20).pages.size(), 1u);
  EXPECT_TRUE(output.takePages(1 << 20).pages.empty());
}

TEST(QueryOutputTest, listenerSeesChanges) {
  QueryOutput output;
  int calls = 0;
  output.setListener([&] { ++calls; });
  output.setState(QueryState::kRunning);
  output.addPage(page(1));
  output.finish();
  EXPECT_EQ(calls, 3);
}

} // namespace
} // namespace presto::server
