#include <gtest/gtest.h>

#include "common/Config.h"
#include "common/PrestoException.h"

namespace presto {
namespace {

std::string errorOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const PrestoException& e) {
    EXPECT_EQ(e.errorCode(), errors::CONFIGURATION_INVALID);
    return e.what();
  }
  return "<no error>";
}

TEST(ConfigTest, parsesPropertiesWithComments) {
  auto file = PropertiesFile::parse(
      "# comment\n! also comment\n\ncoordinator=true\n  http-server.http.port = 8080 \nempty=\n", "config.properties");
  ASSERT_EQ(file.values().size(), 3u);
  EXPECT_EQ(file.values().at("coordinator"), "true");
  EXPECT_EQ(file.values().at("http-server.http.port"), "8080");
  EXPECT_EQ(file.values().at("empty"), "");
}

TEST(ConfigTest, rejectsMalformedAndDuplicateLines) {
  EXPECT_EQ(errorOf([] { PropertiesFile::parse("a=1\nbroken line\n", "x.properties"); }),
      "x.properties:2: malformed property line 'broken line' (expected key=value)");
  EXPECT_EQ(errorOf([] { PropertiesFile::parse("a=1\na=2\n", "x.properties"); }),
      "x.properties:2: duplicate property 'a'");
  EXPECT_EQ(errorOf([] { PropertiesFile::parse("=2\n", "x.properties"); }), "x.properties:1: property without a name");
  EXPECT_EQ(errorOf([] { PropertiesFile::load("/nonexistent/config.properties"); }),
      "Cannot read configuration file /nonexistent/config.properties");
}

TEST(ConfigTest, typedGettersAndDefaults) {
  ConfigReader reader(PropertiesFile::parse(
      "port=8080\nratio=0.5\nflag=false\ntimeout=5m\nmemory=2GB\nname=node-1\n", "c.properties"));
  EXPECT_EQ(reader.getInt("port", 1), 8080);
  EXPECT_EQ(reader.getInt("missing", 7), 7);
  EXPECT_DOUBLE_EQ(reader.getDouble("ratio", 1), 0.5);
  EXPECT_FALSE(reader.getBool("flag", true));
  EXPECT_EQ(reader.getDuration("timeout", Duration()).millis(), 300000);
  EXPECT_EQ(reader.getDataSize("memory", DataSize()).bytes(), 2ull << 30);
  EXPECT_EQ(reader.getRequired("name"), "node-1");
  EXPECT_NO_THROW(reader.checkAllUsed());
}

TEST(ConfigTest, failsLoudlyOnUnknownAndInvalid) {
  ConfigReader reader(PropertiesFile::parse("port=80x\nflag=yes\nquery.max-memroy=1GB\nlog.level=INFO\n", "c.properties"));
  EXPECT_EQ(errorOf([&] { reader.getInt("port", 1); }), "c.properties: property 'port' has value '80x', expected an integer");
  EXPECT_EQ(errorOf([&] { reader.getBool("flag", true); }),
      "c.properties: property 'flag' has value 'yes', expected true or false");
  EXPECT_EQ(errorOf([&] { reader.getRequired("node.id"); }), "c.properties: required property 'node.id' is missing");
  reader.acceptPrefix("log.");
  EXPECT_EQ(errorOf([&] { reader.checkAllUsed(); }), "c.properties: unknown configuration properties: query.max-memroy");
}

} // namespace
} // namespace presto
