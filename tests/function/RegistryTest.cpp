#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <iostream>
#include <set>

#include "function/BuiltinFunctions.h"
#include "testing/TextFile.h"

namespace presto::test {
namespace {

TEST(RegistryTest, listingAndCounts) {
  auto registry = makeBuiltinRegistry();
  auto listing = registry->list();
  EXPECT_GT(listing.size(), 150u);
  bool foundSubstr = false;
  for (const auto& entry : listing) {
    EXPECT_EQ(entry.name.find("$operator$"), std::string::npos);
    if (entry.name == "substr" && entry.argumentTypes == "varchar(x), bigint") {
      foundSubstr = true;
      EXPECT_EQ(entry.returnType, "varchar(x)");
      EXPECT_EQ(entry.kind, "scalar");
    }
  }
  EXPECT_TRUE(foundSubstr);
  std::cout << "registered: " << registry->numFunctions() << " function names, " << registry->numSignatures()
            << " signatures, " << listing.size() << " visible in SHOW FUNCTIONS" << std::endl;
}

// What SHOW FUNCTIONS lists: one row per signature of a visible function, as Presto counts them.
TEST(RegistryTest, atLeastThreeHundredFunctions) {
  auto registry = makeBuiltinRegistry();
  EXPECT_GE(registry->list().size(), 300u);
  EXPECT_GE(registry->numSignatures(), 300u);
}

/// Whether `name` occurs in `text` not preceded by a letter, digit or underscore.
bool containsWord(const std::string& text, const std::string& name) {
  for (size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
    char before = at == 0 ? ' ' : text[at - 1];
    if (!std::isalnum(static_cast<unsigned char>(before)) && before != '_') return true;
  }
  return false;
}

// Every function SHOW FUNCTIONS lists is exercised by name in a test of this directory (as a call
// `name(` or, for aggregates, a quoted `"name"`), so each has hand-written expected values.
TEST(RegistryTest, everyListedFunctionHasATest) {
  std::string sources;
  for (const auto& entry : std::filesystem::directory_iterator(FUNCTION_TEST_DIR)) {
    if (entry.path().extension() == ".cpp") sources += readTextFile(entry.path().string());
  }
  auto registry = makeBuiltinRegistry();
  std::set<std::string> untested;
  for (const auto& function : registry->list()) {
    bool called = containsWord(sources, function.name + "(");
    bool quoted = sources.find("\"" + function.name + "\"") != std::string::npos;
    if (!called && !quoted) untested.insert(function.name);
  }
  EXPECT_TRUE(untested.empty()) << "functions without a test: " << ::testing::PrintToString(untested);
}

} // namespace
} // namespace presto::test
