#include "server/discovery/Announcement.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "common/PrestoException.h"

namespace presto::server::discovery {
namespace {

/// The message of the error `parseAnnouncement(json)` throws (or "none").
std::string parseError(const std::string& json) {
  try {
    parseAnnouncement(json);
  } catch (const PrestoException& error) {
    EXPECT_EQ(error.errorCode().name, "GENERIC_INTERNAL_ERROR");
    return error.what();
  }
  return "none";
}

TEST(AnnouncementTest, prestoNodeAnnouncement) {
  auto announcement =
      makePrestoAnnouncement({"production", "worker-7", "http://10.0.0.5:8080", "0.1", false, {"tpch", "memory"}});
  EXPECT_EQ(announcement.environment, "production");
  EXPECT_EQ(announcement.pool, "general");
  EXPECT_EQ(announcement.location, "/worker-7");
  ASSERT_EQ(announcement.services.size(), 1);
  const auto* service = announcement.prestoService();
  ASSERT_EQ(service, &announcement.services[0]);
  EXPECT_EQ(service->type, "presto");
  EXPECT_EQ(service->properties, (std::map<std::string, std::string>{{"node_version", "0.1"},
                                     {"coordinator", "false"}, {"connectorIds", "tpch,memory"},
                                     {"http", "http://10.0.0.5:8080"}}));
}

TEST(AnnouncementTest, roundTrip) {
  auto announcement =
      makePrestoAnnouncement({"test", "coordinator", "http://127.0.0.1:8081", "0.1", true, {"tpch", "memory"}});
  announcement.services.push_back({"another-id", "jmx", {{"port", "9999"}}});
  EXPECT_EQ(parseAnnouncement(serializeAnnouncement(announcement)), announcement);
}

TEST(AnnouncementTest, parsesPrestoJson) {
  auto announcement = parseAnnouncement(R"({"environment":"production","pool":"general","location":"/a",
      "services":[{"id":"3f2b8d3c-0b6e-4f5e-9a4c-2d1e0f9a8b7c","type":"presto","properties":{"node_version":"0.287",
      "coordinator":"false","connectorIds":"tpch,hive","http":"http://10.0.0.5:8080"}}]})");
  EXPECT_EQ(announcement.location, "/a");
  ASSERT_NE(announcement.prestoService(), nullptr);
  EXPECT_EQ(announcement.prestoService()->id, "3f2b8d3c-0b6e-4f5e-9a4c-2d1e0f9a8b7c");
  EXPECT_EQ(announcement.prestoService()->properties.at("connectorIds"), "tpch,hive");
}

TEST(AnnouncementTest, optionalFields) {
  auto announcement = parseAnnouncement(R"({"environment":"test","services":[{"id":"x","type":"jmx"}]})");
  EXPECT_EQ(announcement.pool, "general");
  EXPECT_EQ(announcement.location, "");
  EXPECT_TRUE(announcement.services[0].properties.empty());
  EXPECT_EQ(announcement.prestoService(), nullptr);
}

TEST(AnnouncementTest, malformed) {
  EXPECT_EQ(parseError("{"), "Malformed announcement: not JSON");
  EXPECT_EQ(parseError("[]"), "Malformed announcement: expected a JSON object");
  EXPECT_EQ(parseError(R"({"services":[]})"), "Malformed announcement: missing \"environment\"");
  EXPECT_EQ(parseError(R"({"environment":1,"services":[]})"),
      "Malformed announcement: \"environment\" must be a string");
  EXPECT_EQ(parseError(R"({"environment":"test"})"), "Malformed announcement: \"services\" must be an array");
  EXPECT_EQ(parseError(R"({"environment":"test","services":[1]})"),
      "Malformed announcement: a service must be an object");
  EXPECT_EQ(parseError(R"({"environment":"test","services":[{"type":"presto"}]})"),
      "Malformed announcement: missing \"id\"");
  EXPECT_EQ(parseError(R"({"environment":"test","services":[{"id":"x","type":"presto","properties":[]}]})"),
      "Malformed announcement: \"properties\" must be an object");
  EXPECT_EQ(parseError(R"({"environment":"test","services":[{"id":"x","type":"presto","properties":{"a":1}}]})"),
      "Malformed announcement: property \"a\" must be a string");
}

TEST(AnnouncementTest, randomServiceIdsAreVersion4Uuids) {
  std::regex uuid("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  std::set<std::string> ids;
  for (int i = 0; i < 100; ++i) {
    auto id = randomServiceId();
    EXPECT_TRUE(std::regex_match(id, uuid)) << id;
    ids.insert(id);
  }
  EXPECT_EQ(ids.size(), 100);
}

} // namespace
} // namespace presto::server::discovery
