#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "PlannerTestEnvironment.h"
#include "sql/parser/SqlParser.h"
#include "sql/planner/OutputNode.h"
#include "type/TypeSignature.h"

namespace presto::sql::test {
namespace {

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string withoutComments(const std::string& sql) {
  std::string result;
  std::istringstream lines(sql);
  for (std::string line; std::getline(lines, line);) {
    result += line.substr(0, line.find("--")) + "\n";
  }
  return result;
}

/// Creates the TPC-DS tables of `schema.sql` in memory.tpcds, parsing each CREATE TABLE with our
/// parser.
void createTpcdsSchema(PlannerTestEnvironment& environment) {
  auto connector = environment.catalogs().requireConnector("memory");
  connector->metadata().createSchema("tpcds");
  std::string script = withoutComments(readFile(std::string(PRESTO_SHARED_DIR) + "/tpcds/schema.sql"));
  size_t start = 0;
  while (start < script.size()) {
    size_t end = std::min(script.find(';', start), script.size());
    std::string sql = script.substr(start, end - start);
    start = end + 1;
    if (std::all_of(sql.begin(), sql.end(), [](unsigned char c) { return std::isspace(c); })) {
      continue;
    }
    auto statement = parseStatement(sql);
    const auto& create = statement->as<CreateTable>();
    connector::TableMetadata table;
    table.name = {"tpcds", create.name.parts.back()->value};
    for (const auto& column : create.columns) {
      table.columns.push_back({.name = column->name->value, .type = parseTypeSignature(column->type)});
    }
    connector->metadata().createTable(table, false);
  }
}

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
  createTpcdsSchema(environment);
  environment.session().setCatalog("memory");
  environment.session().setSchema("tpcds");
  EXPECT_EQ(environment.metadata().listTables("memory", "tpcds").size(), 25u);

  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(PRESTO_SHARED_DIR) + "/tpcds/queries")) {
    files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_EQ(files.size(), 103u);
  size_t planned = 0;
  std::vector<std::string> pending;
  for (const auto& file : files) {
    std::string sql = readFile(file);
    while (!sql.empty() && (std::isspace(static_cast<unsigned char>(sql.back())) || sql.back() == ';')) {
      sql.pop_back();
    }
    try {
      auto plan = environment.planner().plan(sql);
      ASSERT_NE(plan->as<OutputNode>(), nullptr);
      EXPECT_FALSE(plan->outputSymbols().empty()) << file.filename();
      ++planned;
    } catch (const PrestoException& error) {
      if (isPending(error.what())) {
        std::string message = error.rawMessage();
        pending.push_back(file.filename().string() + " (" + message.substr(0, message.find('\n')) + ")");
      } else {
        ADD_FAILURE() << file.filename() << ": " << error.what();
      }
    }
  }
  for (const auto& name : pending) {
    std::cout << "[ pending  ] " << name << "\n";
  }
  std::cout << "[ tpcds    ] planned " << planned << " of " << files.size() << " queries, " << pending.size()
            << " pending other modules\n";
  EXPECT_EQ(planned + pending.size(), files.size());
  // At least these plan today; the pending ones plan as soon as their functions exist.
  EXPECT_GE(planned, 84u);
}

} // namespace
} // namespace presto::sql::test
