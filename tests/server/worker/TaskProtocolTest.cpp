#include <gtest/gtest.h>

#include "common/PrestoException.h"
#include "server/protocol/TaskInfo.h"
#include "server/protocol/TaskStatus.h"
#include "server/protocol/TaskUpdateRequest.h"

namespace presto::server::test {
namespace {

TaskUpdateRequest sampleUpdate() {
  TaskUpdateRequest request;
  request.session.queryId = "q1";
  request.session.user = "alice";
  request.session.catalog = "tpch";
  request.session.schema = "tiny";
  request.session.timeZoneKey = "America/New_York";
  request.session.startTime = 1700000000000;
  request.session.systemProperties = {{"task_concurrency", "4"}};
  request.session.catalogProperties = {{"hive", {{"compression", "zstd"}}}};
  request.fragment = R"({"id":1,"root":{"@kind":"Values"}})";
  request.sources = {{"7", {{0, "7", "tpch", R"({"part":1})"}, {1, "7", "tpch", R"({"part":2})"}}, false},
      {"3", {{5, "3", std::string(kRemoteConnectorId), R"({"bufferId":0,"taskId":"q1.2.0.0.0"})"}}, true}};
  request.outputIds = OutputBuffers{OutputBuffers::Type::kPartitioned, 2, true, 3};
  return request;
}

TEST(TaskProtocolTest, taskUpdateRequestRoundTrips) {
  auto json = serializeTaskUpdateRequest(sampleUpdate());
  auto parsed = parseTaskUpdateRequest(json);
  EXPECT_EQ(serializeTaskUpdateRequest(parsed), json);
  EXPECT_EQ(parsed.session.user, "alice");
  EXPECT_EQ(parsed.session.timeZoneKey, "America/New_York");
  EXPECT_EQ(parsed.session.catalogProperties.at("hive").at("compression"), "zstd");
  ASSERT_EQ(parsed.sources.size(), 2u);
  EXPECT_EQ(parsed.sources[0].splits[1].sequenceId, 1);
  EXPECT_EQ(parsed.sources[0].splits[1].connectorSplit, R"({"part":2})");
  EXPECT_TRUE(parsed.sources[1].noMoreSplits);
  EXPECT_EQ(parsed.outputIds->numBuffers, 3);
  EXPECT_EQ(parsed.outputIds->type, OutputBuffers::Type::kPartitioned);
  EXPECT_NE(json.find(R"("buffers":{"0":0,"1":1,"2":2})"), std::string::npos) << json;
}

TEST(TaskProtocolTest, laterUpdatesNeedNeitherFragmentNorBuffers) {
  auto parsed = parseTaskUpdateRequest(R"({"session":{"queryId":"q","user":"u"},"sources":[]})");
  EXPECT_FALSE(parsed.fragment);
  EXPECT_FALSE(parsed.outputIds);
  EXPECT_EQ(parsed.session.timeZoneKey, "UTC");
}

std::string errorOf(std::string_view json) {
  try {
    parseTaskUpdateRequest(json);
  } catch (const PrestoException& error) {
    EXPECT_EQ(error.errorCode(), errors::GENERIC_INTERNAL_ERROR);
    return error.what();
  }
  return "no error";
}

TEST(TaskProtocolTest, malformedUpdatesSayWhatIsWrong) {
  EXPECT_EQ(errorOf("{"), "Malformed task update: not JSON");
  EXPECT_EQ(errorOf("[]"), "Malformed task update: document must be an object");
  EXPECT_EQ(errorOf("{}"), "Malformed task update: session is missing");
  EXPECT_EQ(errorOf(R"({"session":{"queryId":"q","user":7}})"), "Malformed task update: session.user must be a string");
  EXPECT_EQ(errorOf(R"({"session":{"queryId":"q","user":"u"},"sources":{}})"),
      "Malformed task update: sources must be an array");
  EXPECT_EQ(errorOf(R"({"session":{"queryId":"q","user":"u"},"sources":[{"planNodeId":"1","splits":[{"sequenceId":"x"}]}]})"),
      "Malformed task update: sources[0].splits[0].sequenceId must be an integer");
  EXPECT_EQ(errorOf(R"({"session":{"queryId":"q","user":"u"},"fragment":"abc"})"),
      "Malformed task update: fragment must be an object");
  EXPECT_EQ(errorOf(R"({"session":{"queryId":"q","user":"u"},"outputIds":{"type":"ROUND_ROBIN","buffers":{"0":0}}})"),
      "Malformed task update: outputIds has unknown type ROUND_ROBIN");
  EXPECT_EQ(errorOf(R"({"session":{"queryId":"q","user":"u"},"outputIds":{"type":"BROADCAST","buffers":{"0":0,"2":2}}})"),
      "Malformed task update: outputIds.buffers must map buffers 0..1 to themselves");
  EXPECT_EQ(errorOf(R"({"session":{"queryId":"q","user":"u"},"sources":[{"planNodeId":"1","noMoreSplits":1}]})"),
      "Malformed task update: sources[0].noMoreSplits must be true or false");
}

TaskStatus sampleStatus() {
  TaskStatus status;
  status.taskId = "q1.1.0.2.0";
  status.taskInstanceId = "6e4a5c1e-0000-4000-8000-000000000001";
  status.version = 3;
  status.state = TaskStatus::State::kFailed;
  status.self = "http://127.0.0.1:8080/v1/task/q1.1.0.2.0";
  status.failures.push_back(
      ExecutionFailure::of(std::make_exception_ptr(PrestoException(errors::DIVISION_BY_ZERO, "Division by zero"))));
  status.memoryReservationInBytes = 1024;
  status.runningPartitionedDrivers = 2;
  return status;
}

TEST(TaskProtocolTest, taskStatusRoundTrips) {
  auto json = serializeTaskStatus(sampleStatus());
  auto parsed = parseTaskStatus(json);
  EXPECT_EQ(serializeTaskStatus(parsed), json);
  EXPECT_EQ(parsed.state, TaskStatus::State::kFailed);
  ASSERT_EQ(parsed.failures.size(), 1u);
  EXPECT_EQ(parsed.failures[0].errorName, "DIVISION_BY_ZERO");
  EXPECT_EQ(parsed.failures[0].errorCode, 8);
  EXPECT_EQ(parsed.failures[0].errorType, "USER_ERROR");
  EXPECT_EQ(parsed.failures[0].message, "Division by zero");
  EXPECT_NE(json.find(R"("state":"FAILED")"), std::string::npos);
}

TEST(TaskProtocolTest, taskStatesHavePrestoNames) {
  for (auto state : {TaskStatus::State::kPlanned, TaskStatus::State::kRunning, TaskStatus::State::kFinished,
           TaskStatus::State::kCanceled, TaskStatus::State::kAborted, TaskStatus::State::kFailed}) {
    EXPECT_EQ(parseTaskState(taskStateName(state)), state);
  }
  EXPECT_EQ(taskStateName(TaskStatus::State::kCanceled), "CANCELED");
  EXPECT_FALSE(parseTaskState("running"));
  EXPECT_FALSE(isDone(TaskStatus::State::kRunning));
  EXPECT_TRUE(isDone(TaskStatus::State::kAborted));
}

TEST(TaskProtocolTest, taskInfoRoundTrips) {
  TaskInfo info;
  info.taskId = "q1.1.0.2.0";
  info.taskStatus = sampleStatus();
  info.lastHeartbeatInMillis = 1700000000123;
  info.outputBuffers = {OutputBuffers::Type::kBroadcast, "FINISHED", 4, 0, 12, 3400};
  info.noMoreSplits = {"3", "7"};
  info.stats.totalDrivers = 4;
  info.stats.rawInputPositions = 150000;
  info.stats.totalCpuTimeInNanos = 123456789;
  info.nodeId = "worker-1";
  auto json = serializeTaskInfo(info);
  auto parsed = parseTaskInfo(json);
  EXPECT_EQ(serializeTaskInfo(parsed), json);
  EXPECT_EQ(parsed.outputBuffers.totalRowsSent, 3400);
  EXPECT_EQ(parsed.stats.rawInputPositions, 150000);
  EXPECT_EQ(parsed.noMoreSplits, (std::vector<std::string>{"3", "7"}));
  EXPECT_EQ(serializeTaskInfos({info, info}), "[" + json + "," + json + "]");
}

TEST(TaskProtocolTest, malformedStatusIsRefused) {
  EXPECT_THROW(parseTaskStatus(R"({"taskId":"t","taskInstanceId":"i","version":1,"state":"DONE","self":"s"})"),
      PrestoException);
  EXPECT_THROW(parseTaskInfo(R"({"taskId":"t"})"), PrestoException);
  EXPECT_THROW(parseTaskStatus(R"({"taskId":"t","taskInstanceId":"i","version":1.5,"state":"RUNNING","self":"s"})"),
      PrestoException);
}

} // namespace
} // namespace presto::server::test
