#include <gtest/gtest.h>

#include <future>

#include "TaskApiWorker.h"
#include "engine/PlanTranslator.h"
#include "server/http/HttpClient.h"
#include "server/protocol/PlanFragmentJson.h"
#include "server/protocol/TaskInfo.h"
#include "sql/optimizer/PlanFragmenter.h"

namespace presto::server::worker::test {
namespace {

using namespace std::chrono_literals;

/// The endpoints of one worker, driven by hand with the root fragment of
/// `SELECT count(*) FROM nation`: a task that waits on its exchange until told there are no splits.
class TaskResourceTest : public ::testing::Test {
 protected:
  TaskResourceTest() : client_("127.0.0.1", worker_.port()) {
    auto plan = worker_.engine().planDistributed(worker_.engine().session(), "SELECT count(*) FROM nation");
    const auto& root = plan.fragments.at(static_cast<size_t>(plan.rootFragment));
    fragment_ = planFragmentToJson(root);
    auto services = worker_.engine().executionServices();
    auto physical = engine::PlanTranslator(*services.metadata, *services.functions).translateFragment(root, {true, 1});
    exchangeId_ = physical.fragments.at(0).remoteInputs.at(0).planNodeId;
  }

  TaskUpdateRequest createRequest() const {
    TaskUpdateRequest request;
    request.session.queryId = "q";
    request.session.user = "test";
    request.fragment = fragment_;
    request.outputIds = OutputBuffers{OutputBuffers::Type::kArbitrary, 1, true, 1};
    return request;
  }

  http::HttpResponse post(const std::string& taskId, const std::string& body) {
    return client_.send("POST", "/v1/task/" + taskId, {}, body);
  }

  TaskInfo create(const std::string& taskId) {
    auto response = post(taskId, serializeTaskUpdateRequest(createRequest()));
    EXPECT_EQ(response.status, 200) << response.body;
    return parseTaskInfo(response.body);
  }

  /// Closes the task's exchange: it finishes.
  TaskInfo closeExchange(const std::string& taskId) {
    TaskUpdateRequest request;
    request.session.queryId = "q";
    request.session.user = "test";
    request.sources.push_back({exchangeId_, {}, true});
    auto response = post(taskId, serializeTaskUpdateRequest(request));
    EXPECT_EQ(response.status, 200) << response.body;
    return parseTaskInfo(response.body);
  }

  TaskStatus status(const std::string& taskId) {
    auto response = client_.send("GET", "/v1/task/" + taskId + "/status");
    EXPECT_EQ(response.status, 200) << response.body;
    return parseTaskStatus(response.body);
  }

  TaskStatus waitForState(const std::string& taskId, TaskStatus::State state) {
    for (int i = 0; i < 500; ++i) {
      auto current = status(taskId);
      if (current.state == state) {
        return current;
      }
      std::this_thread::sleep_for(10ms);
    }
    ADD_FAILURE() << "task " << taskId << " never reached " << taskStateName(state);
    return status(taskId);
  }

  TaskApiWorker worker_;
  http::HttpClient client_;
  std::string fragment_;
  std::string exchangeId_;
};

TEST_F(TaskResourceTest, createsARunningTask) {
  auto info = create("q.0.0.0.0");
  EXPECT_EQ(info.taskId, "q.0.0.0.0");
  EXPECT_EQ(info.taskStatus.state, TaskStatus::State::kRunning);
  EXPECT_EQ(info.taskStatus.self, worker_.uri() + "/v1/task/q.0.0.0.0");
  EXPECT_FALSE(info.taskStatus.taskInstanceId.empty());
  EXPECT_EQ(info.nodeId, "worker");
  EXPECT_EQ(info.outputBuffers.type, OutputBuffers::Type::kArbitrary);
  auto all = client_.send("GET", "/v1/task");
  EXPECT_EQ(all.status, 200);
  EXPECT_NE(all.body.find("\"q.0.0.0.0\""), std::string::npos);
}

TEST_F(TaskResourceTest, updatesAreIdempotent) {
  auto created = create("q.0.0.0.0");
  // The create retried: the same task, no new instance.
  auto again = create("q.0.0.0.0");
  EXPECT_EQ(again.taskStatus.taskInstanceId, created.taskStatus.taskInstanceId);
  auto closed = closeExchange("q.0.0.0.0");
  EXPECT_EQ(closed.noMoreSplits, std::vector<std::string>{exchangeId_});
  // A retried close after the source closed is accepted and changes nothing.
  closeExchange("q.0.0.0.0");
  waitForState("q.0.0.0.0", TaskStatus::State::kFinished);
}

TEST_F(TaskResourceTest, statusLongPollAnswersWhenTheStateChanges) {
  create("q.0.0.0.0");
  http::HttpHeaders headers;
  headers.add("X-Presto-Current-State", "RUNNING");
  headers.add("X-Presto-Max-Wait", "10s");
  auto start = std::chrono::steady_clock::now();
  auto poll = std::async(std::launch::async, [&] {
    http::HttpClient client("127.0.0.1", worker_.port());
    return client.send("GET", "/v1/task/q.0.0.0.0/status", headers);
  });
  EXPECT_EQ(poll.wait_for(300ms), std::future_status::timeout);
  closeExchange("q.0.0.0.0");
  auto response = poll.get();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(parseTaskStatus(response.body).state, TaskStatus::State::kFinished);
}

TEST_F(TaskResourceTest, statusLongPollAnswersAtOnceOrAfterTheWait) {
  create("q.0.0.0.0");
  http::HttpHeaders differs;
  differs.add("X-Presto-Current-State", "PLANNED");
  differs.add("X-Presto-Max-Wait", "10s");
  auto start = std::chrono::steady_clock::now();
  auto response = client_.send("GET", "/v1/task/q.0.0.0.0/status", differs);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
  EXPECT_EQ(parseTaskStatus(response.body).state, TaskStatus::State::kRunning);

  http::HttpHeaders same;
  same.add("X-Presto-Current-State", "RUNNING");
  same.add("X-Presto-Max-Wait", "200ms");
  start = std::chrono::steady_clock::now();
  response = client_.send("GET", "/v1/task/q.0.0.0.0", same);
  EXPECT_GE(std::chrono::steady_clock::now() - start, 190ms);
  EXPECT_EQ(parseTaskInfo(response.body).taskStatus.state, TaskStatus::State::kRunning);

  http::HttpHeaders bad;
  bad.add("X-Presto-Current-State", "SLEEPING");
  bad.add("X-Presto-Max-Wait", "1s");
  EXPECT_EQ(client_.send("GET", "/v1/task/q.0.0.0.0/status", bad).status, 400);
}

TEST_F(TaskResourceTest, deleteAbortsOrCancels) {
  create("q.0.0.0.0");
  create("q.0.0.1.0");
  auto aborted = client_.send("DELETE", "/v1/task/q.0.0.0.0");
  ASSERT_EQ(aborted.status, 200) << aborted.body;
  EXPECT_EQ(parseTaskInfo(aborted.body).taskStatus.state, TaskStatus::State::kAborted);
  auto canceled = client_.send("DELETE", "/v1/task/q.0.0.1.0?abort=false");
  EXPECT_EQ(parseTaskInfo(canceled.body).taskStatus.state, TaskStatus::State::kCanceled);
  EXPECT_EQ(client_.send("DELETE", "/v1/task/q.0.0.1.0?abort=maybe").status, 400);
  // A task deleted before its create arrived is not started by the late create.
  client_.send("DELETE", "/v1/task/q.0.0.2.0");
  EXPECT_EQ(create("q.0.0.2.0").taskStatus.state, TaskStatus::State::kAborted);
}

TEST_F(TaskResourceTest, unknownTasksAreNotFound) {
  EXPECT_EQ(client_.send("GET", "/v1/task/nope").status, 404);
  EXPECT_EQ(client_.send("GET", "/v1/task/nope/status").status, 404);
  http::HttpHeaders headers;
  headers.add("X-Presto-Current-State", "RUNNING");
  headers.add("X-Presto-Max-Wait", "5s");
  EXPECT_EQ(client_.send("GET", "/v1/task/nope/status", headers).status, 404);
}

TEST_F(TaskResourceTest, malformedUpdatesAreBadRequests) {
  auto notJson = post("q.0.0.0.0", "{");
  EXPECT_EQ(notJson.status, 400);
  EXPECT_EQ(notJson.body, "Malformed task update: not JSON");
  auto wrongType = post("q.0.0.0.0", R"({"session":{"queryId":"q","user":"u"},"sources":[{"planNodeId":5}]})");
  EXPECT_EQ(wrongType.status, 400);
  EXPECT_EQ(wrongType.body, "Malformed task update: sources[0].planNodeId must be a string");
  auto noFragment = post("q.0.0.0.0", R"({"session":{"queryId":"q","user":"u"}})");
  EXPECT_EQ(noFragment.status, 400);
  EXPECT_NE(noFragment.body.find("has no fragment"), std::string::npos) << noFragment.body;
  // None of them created the task.
  EXPECT_EQ(client_.send("GET", "/v1/task/q.0.0.0.0").status, 404);

  create("q.0.0.0.0");
  TaskUpdateRequest unknownNode = createRequest();
  unknownNode.sources.push_back({"999", {}, true});
  auto response = post("q.0.0.0.0", serializeTaskUpdateRequest(unknownNode));
  EXPECT_EQ(response.status, 400);
  EXPECT_NE(response.body.find("no table scan or exchange with plan node id 999"), std::string::npos) << response.body;
  TaskUpdateRequest badSplit = createRequest();
  badSplit.sources.push_back({exchangeId_, {{0, exchangeId_, "$remote", R"({"taskId":1})"}}, false});
  response = post("q.0.0.0.0", serializeTaskUpdateRequest(badSplit));
  EXPECT_EQ(response.status, 400);
  EXPECT_NE(response.body.find("cannot be decoded"), std::string::npos) << response.body;
  EXPECT_EQ(status("q.0.0.0.0").state, TaskStatus::State::kRunning);
}

TEST_F(TaskResourceTest, aFragmentThatCannotBeDecodedFailsTheTask) {
  auto request = createRequest();
  request.fragment = R"({"id":0,"root":{"@kind":"Teleport"}})";
  auto response = post("q.0.0.0.0", serializeTaskUpdateRequest(request));
  ASSERT_EQ(response.status, 200) << response.body;
  auto info = parseTaskInfo(response.body);
  EXPECT_EQ(info.taskStatus.state, TaskStatus::State::kFailed);
  ASSERT_EQ(info.taskStatus.failures.size(), 1u);
  EXPECT_EQ(info.taskStatus.failures[0].errorName, "GENERIC_INTERNAL_ERROR");
  EXPECT_NE(info.taskStatus.failures[0].message.find("Malformed plan fragment JSON"), std::string::npos);
}

TEST(TaskManagerCleanupTest, finishedTasksNobodyAsksAboutAreForgotten) {
  TaskManagerConfig config;
  config.infoMaxAge = Duration(std::chrono::milliseconds(200));
  config.sweepInterval = Duration(std::chrono::milliseconds(50));
  TaskApiWorker worker("worker", config);
  worker.manager().deleteTask("q.0.0.0.0", true);
  EXPECT_TRUE(worker.manager().taskInfo("q.0.0.0.0"));
  std::this_thread::sleep_for(600ms);
  EXPECT_FALSE(worker.manager().taskInfo("q.0.0.0.0"));
}

TEST(TaskManagerCleanupTest, runningTasksNobodyAsksAboutAreAbandoned) {
  TaskManagerConfig config;
  config.clientTimeout = Duration(std::chrono::milliseconds(200));
  config.sweepInterval = Duration(std::chrono::milliseconds(50));
  TaskApiWorker worker("worker", config);
  auto plan = worker.engine().planDistributed(worker.engine().session(), "SELECT count(*) FROM nation");
  TaskUpdateRequest request;
  request.session = {.queryId = "q", .user = "test"};
  request.fragment = planFragmentToJson(plan.fragments.at(0));
  request.outputIds = OutputBuffers{};
  worker.manager().updateTask("q.0.0.0.0", request);
  std::this_thread::sleep_for(600ms);
  auto status = worker.manager().taskStatus("q.0.0.0.0");
  ASSERT_TRUE(status);
  EXPECT_EQ(status->state, TaskStatus::State::kFailed);
  ASSERT_FALSE(status->failures.empty());
  EXPECT_EQ(status->failures[0].errorName, "ABANDONED_TASK");
}

} // namespace
} // namespace presto::server::worker::test
