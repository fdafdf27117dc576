#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "LoopbackWorker.h"
#include "server/http/HttpClient.h"
#include "server/worker/ExchangeProtocol.h"
#include "utils/PlanBuilder.h"
#include "vector/serde/PageDeserializer.h"

namespace presto::server::worker::test {
namespace {

using namespace std::chrono_literals;
using exec::OutputBufferKind;
using exec::test::PlanBuilder;

const std::vector<TypePtr> kTypes = {BIGINT()};

/// A plan of `numPages` pages of 100 BIGINT rows.
exec::PlanNodePtr pagesPlan(int64_t numPages) {
  std::vector<std::vector<Value>> rows;
  for (int64_t i = 0; i < numPages * 100; ++i) {
    rows.push_back({Value(i)});
  }
  return PlanBuilder().values(exec::test::makePages(kTypes, rows, 100)).planNode();
}

class TaskResultsResourceTest : public ::testing::Test {
 protected:
  http::HttpResponse get(const std::string& target, const http::HttpHeaders& headers = {}) {
    return client_.send("GET", target, headers);
  }

  static std::string header(const http::HttpResponse& response, std::string_view name) {
    return response.headers.get(name).value_or("<none>");
  }

  static int64_t countPages(const std::string& body) {
    PageDeserializer deserializer(kTypes);
    std::string_view input = body;
    int64_t count = 0;
    for (; !input.empty(); ++count) {
      deserializer.readNext(input);
    }
    return count;
  }

  /// A finished producer of 10 pages in one partitioned buffer (pages of the preferred size, so
  /// that the output sends them as they are).
  exec::TaskPtr finishedProducer() {
    exec::TaskConfig config;
    config.preferredPageRows = 100;
    auto task = worker_.harness().start(pagesPlan(10), {OutputBufferKind::kPartitioned, 1, {}}, config);
    EXPECT_TRUE(task->waitForCompletion(10s));
    return task;
  }

  /// A task whose buffer stays empty until its exchange gets splits.
  exec::TaskPtr waitingConsumer(std::string& exchangeId) {
    PlanBuilder builder;
    builder.exchange(exec::makeRowType({"x"}, kTypes));
    exchangeId = builder.planNode()->id();
    return worker_.harness().start(builder.planNode());
  }

  LoopbackWorker worker_;
  http::HttpClient client_{"127.0.0.1", worker_.port()};
};

TEST_F(TaskResultsResourceTest, pagesWithHeaders) {
  auto task = finishedProducer();
  auto base = "/v1/task/" + task->taskId() + "/results/0/";
  auto response = get(base + "0");
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.contentType, exchange_protocol::kPagesContentType);
  EXPECT_EQ(header(response, "X-Presto-Task-Instance-Id"), task->instanceId());
  EXPECT_EQ(header(response, "X-Presto-Page-Sequence-Id"), "0");
  EXPECT_EQ(header(response, "X-Presto-Page-End-Sequence-Id"), "10");
  EXPECT_EQ(header(response, "X-Presto-Buffer-Complete"), "true");
  EXPECT_EQ(countPages(response.body), 10);

  // Asking again for an unacknowledged token replays the same bytes.
  EXPECT_EQ(get(base + "0").body, response.body);

  // At the end: 204, complete.
  auto end = get(base + "10");
  EXPECT_EQ(end.status, 204);
  EXPECT_EQ(header(end, "X-Presto-Page-Sequence-Id"), "10");
  EXPECT_EQ(header(end, "X-Presto-Page-End-Sequence-Id"), "10");
  EXPECT_EQ(header(end, "X-Presto-Buffer-Complete"), "true");
}

TEST_F(TaskResultsResourceTest, maxSizeBoundsTheReply) {
  auto task = finishedProducer();
  http::HttpHeaders headers;
  headers.add("X-Presto-Max-Size", "1B");
  auto response = get("/v1/task/" + task->taskId() + "/results/0/3", headers);
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(countPages(response.body), 1);
  EXPECT_EQ(header(response, "X-Presto-Page-Sequence-Id"), "3");
  EXPECT_EQ(header(response, "X-Presto-Page-End-Sequence-Id"), "4");
  EXPECT_EQ(header(response, "X-Presto-Buffer-Complete"), "false");
}

TEST_F(TaskResultsResourceTest, acknowledgeAndDelete) {
  auto task = finishedProducer();
  auto base = "/v1/task/" + task->taskId() + "/results/0";
  EXPECT_GT(task->outputBuffer()->bufferedBytes(), 0);
  EXPECT_EQ(get(base + "/4/acknowledge").status, 204);
  auto rest = get(base + "/4");
  EXPECT_EQ(countPages(rest.body), 6);
  EXPECT_EQ(client_.send("DELETE", base).status, 204);
  EXPECT_EQ(task->outputBuffer()->bufferedBytes(), 0);
  EXPECT_TRUE(task->outputBuffer()->isAbandoned());
  // Giving up a buffer of a task that is gone succeeds: there is nothing left to do.
  EXPECT_EQ(client_.send("DELETE", "/v1/task/gone/results/0").status, 204);
}

TEST_F(TaskResultsResourceTest, waitsForPagesThenTimesOut) {
  std::string exchangeId;
  auto consumer = waitingConsumer(exchangeId);
  auto target = "/v1/task/" + consumer->taskId() + "/results/0/0";

  http::HttpHeaders shortWait;
  shortWait.add("X-Presto-Max-Wait", "200ms");
  auto start = std::chrono::steady_clock::now();
  auto empty = get(target, shortWait);
  EXPECT_GE(std::chrono::steady_clock::now() - start, 150ms);
  EXPECT_EQ(empty.status, 204);
  EXPECT_EQ(header(empty, "X-Presto-Page-End-Sequence-Id"), "0");
  EXPECT_EQ(header(empty, "X-Presto-Buffer-Complete"), "false");

  // A long wait ends as soon as pages arrive.
  http::HttpHeaders longWait;
  longWait.add("X-Presto-Max-Wait", "20s");
  auto reply = std::async(std::launch::async, [&] {
    http::HttpClient client("127.0.0.1", worker_.port());
    return client.send("GET", target, longWait);
  });
  std::this_thread::sleep_for(100ms);
  start = std::chrono::steady_clock::now();
  worker_.harness().connect(consumer, exchangeId, {finishedProducer()}, 0);
  auto response = reply.get();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
  EXPECT_EQ(response.status, 200);
  EXPECT_GE(countPages(response.body), 1);
}

TEST_F(TaskResultsResourceTest, failedTaskReportsItsError) {
  PlanBuilder builder;
  builder.values(exec::test::makePages(kTypes, {{Value(int64_t{0})}}, 1));
  builder.project({PlanBuilder::call("$operator$divide", {PlanBuilder::constant(Value(int64_t{1}), BIGINT()), builder.field(0)})});
  auto task = worker_.harness().start(builder.planNode());
  ASSERT_TRUE(task->waitForCompletion(10s));
  auto response = get("/v1/task/" + task->taskId() + "/results/0/0");
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(header(response, "X-Presto-Task-Failed"), "true");
  EXPECT_EQ(header(response, "X-Presto-Error-Name"), "DIVISION_BY_ZERO");
  EXPECT_EQ(header(response, "X-Presto-Error-Code"), std::to_string(errors::DIVISION_BY_ZERO.code));
  EXPECT_EQ(header(response, "X-Presto-Error-Type"), "USER_ERROR");
  auto failure = taskFailure(response);
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(failure->errorCode(), errors::DIVISION_BY_ZERO);
  EXPECT_EQ(failure->errorCode().name, "DIVISION_BY_ZERO");
  EXPECT_NE(std::string(failure->what()).find("Division by zero"), std::string::npos) << failure->what();
}

TEST_F(TaskResultsResourceTest, unknownTaskOrBufferAndBadRequests) {
  auto missing = get("/v1/task/nope/results/0/0");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.body, "Task nope not found");
  auto task = finishedProducer();
  auto noBuffer = get("/v1/task/" + task->taskId() + "/results/7/0");
  EXPECT_EQ(noBuffer.status, 404);
  EXPECT_EQ(noBuffer.body, "Task " + task->taskId() + " has no output buffer 7");
  EXPECT_EQ(get("/v1/task/" + task->taskId() + "/results/0/x").status, 400);
  http::HttpHeaders badWait;
  badWait.add("X-Presto-Max-Wait", "soon");
  EXPECT_EQ(get("/v1/task/" + task->taskId() + "/results/0/0", badWait).status, 400);
}

} // namespace
} // namespace presto::server::worker::test
