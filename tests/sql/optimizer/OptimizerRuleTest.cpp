#include <gtest/gtest.h>

#include "OptimizerTestEnvironment.h"

namespace presto::sql::test {
namespace {

class OptimizerRuleTest : public testing::Test {
 protected:
  std::string explain(const std::string& sql) { return environment_.explainOptimized(sql); }

  OptimizerTestEnvironment environment_;
};

TEST_F(OptimizerRuleTest, filterAndPruning) {
  EXPECT_EQ(explain("SELECT r_name FROM region WHERE r_regionkey = 1"), "");
}

} // namespace
} // namespace presto::sql::test
