#include <gtest/gtest.h>

#include "PlannerTestEnvironment.h"
#include "sql/parser/SqlParser.h"
#include "sql/planner/OutputNode.h"
#include "type/TypeSignature.h"

namespace presto::sql::test {
namespace {

/// Failures that wait for other modules, reported as pending instead of failing:
///  - window functions (FunctionRegistry has no window kind to register rank() and friends);
///  - char overloads of substr and concat (Presto has substr(char(x), ...) and concat over
///    char; the function module registers varchar only);
///  - `date + integer` (query72 as written; Presto has no such operator, a Presto-dialect text
///    would use an interval).
bool isPending(const std::string& message) {
  for (const char* name : {"rank", "dense_rank", "row_number", "percent_rank", "ntile", "lag", "lead"}) {
    if (message.find(std::string("Function ") + name + " not registered") != std::string::npos) {
      return true;
    }
  }
  bool charArgument = message.find("(char(") != std::string::npos || message.find(", char(") != std::string::npos;
  if (charArgument && (message.find("for function substr") != std::string::npos ||
                          message.find("for function concat") != std::string::npos)) {
    return true;
  }
  return message.find("'+' cannot be applied to date, integer") != std::string::npos;
}

TEST(TpcdsPlanTest, allQueriesAnalyzeAndPlan) {
  PlannerTestEnvironment environment;
  environment.createTpcdsSchema();
  environment.session().setCatalog("memory");
  environment.session().setSchema("tpcds");
  EXPECT_EQ(environment.metadata().listTables("memory", "tpcds").size(), 25u);

  auto queries = tpcdsQueries();
  ASSERT_EQ(queries.size(), 103u);
  size_t planned = 0;
  std::vector<std::string> pending;
  for (const auto& [name, sql] : queries) {
    try {
      auto plan = environment.planner().plan(sql);
      ASSERT_NE(plan->as<OutputNode>(), nullptr);
      EXPECT_FALSE(plan->outputSymbols().empty()) << name;
      ++planned;
    } catch (const PrestoException& error) {
      if (isPending(error.what())) {
        std::string message = error.rawMessage();
        pending.push_back(name + " (" + message.substr(0, message.find('\n')) + ")");
      } else {
        ADD_FAILURE() << name << ": " << error.what();
      }
    }
  }
  for (const auto& name : pending) {
    std::cout << "[ pending  ] " << name << "\n";
  }
  std::cout << "[ tpcds    ] planned " << planned << " of " << queries.size() << " queries, " << pending.size()
            << " pending other modules\n";
  EXPECT_EQ(planned + pending.size(), queries.size());
  // At least these plan today; the pending ones plan as soon as their functions exist.
  EXPECT_GE(planned, 84u);
}

} // namespace
} // namespace presto::sql::test
