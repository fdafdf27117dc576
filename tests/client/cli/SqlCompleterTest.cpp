#include <gtest/gtest.h>

#include "client/cli/SqlCompleter.h"

namespace presto::cli {
namespace {

using Rows = std::vector<std::vector<std::string>>;

class SqlCompleterTest : public testing::Test {
 protected:
  SqlCompleter completer_{[this](const std::string& sql) -> std::optional<Rows> {
    queries_.push_back(sql);
    if (sql == "SHOW CATALOGS") {
      return Rows{{"memory"}, {"tpch"}};
    }
    if (sql == "SHOW SCHEMAS FROM tpch") {
      return Rows{{"sf1"}, {"tiny"}};
    }
    if (sql == "SHOW TABLES FROM tpch.tiny") {
      return Rows{{"nation"}, {"region"}};
    }
    if (sql == "SELECT table_name, column_name FROM tpch.information_schema.columns WHERE table_schema = 'tiny'") {
      return Rows{{"nation", "n_name"}, {"nation", "n_nationkey"}, {"region", "r_name"}};
    }
    return std::nullopt;
  }};
  std::vector<std::string> queries_;
  std::optional<std::string> catalog_ = "tpch";
  std::optional<std::string> schema_ = "tiny";
};

TEST_F(SqlCompleterTest, keywordsFollowTheCaseTyped) {
  EXPECT_EQ(completer_.complete("SEL", catalog_, schema_), std::vector<std::string>{"SELECT"});
  EXPECT_EQ(completer_.complete("sel", catalog_, schema_), std::vector<std::string>{"select"});
  EXPECT_EQ(completer_.complete("Cat", catalog_, schema_), std::vector<std::string>{"catalogs"});
}

TEST_F(SqlCompleterTest, namesOfTheCurrentSchema) {
  EXPECT_EQ(completer_.complete("n_", catalog_, schema_), (std::vector<std::string>{"n_name", "n_nationkey"}));
  EXPECT_EQ(completer_.complete("nat", catalog_, schema_), (std::vector<std::string>{"nation", "natural"}));
  EXPECT_EQ(completer_.complete("tp", catalog_, schema_), std::vector<std::string>{"tpch"});
  EXPECT_EQ(completer_.complete("tin", catalog_, schema_), (std::vector<std::string>{"tiny", "tinyint"}));
}

TEST_F(SqlCompleterTest, qualifiedNamesOnceAQualifierIsTyped) {
  EXPECT_EQ(completer_.complete("tpch.s", catalog_, schema_), std::vector<std::string>{"tpch.sf1"});
  EXPECT_EQ(completer_.complete("tpch.", catalog_, schema_),
      (std::vector<std::string>{"tpch.sf1", "tpch.tiny", "tpch.tiny.nation", "tpch.tiny.region"}));
  EXPECT_EQ(completer_.complete("tpch.tiny.r", catalog_, schema_), std::vector<std::string>{"tpch.tiny.region"});
  EXPECT_EQ(completer_.complete("nation.n_n", catalog_, schema_),
      (std::vector<std::string>{"nation.n_name", "nation.n_nationkey"}));
}

TEST_F(SqlCompleterTest, namesAreFetchedOncePerSchema) {
  completer_.complete("n", catalog_, schema_);
  completer_.complete("r", catalog_, schema_);
  EXPECT_EQ(queries_.size(), 4);
  std::optional<std::string> otherSchema = "sf1";
  EXPECT_EQ(completer_.complete("n_", catalog_, otherSchema), std::vector<std::string>{});
  EXPECT_EQ(queries_.size(), 8);
  EXPECT_EQ(completer_.complete("tp", catalog_, otherSchema), std::vector<std::string>{"tpch"});
  EXPECT_EQ(queries_.size(), 8);
}

} // namespace
} // namespace presto::cli
