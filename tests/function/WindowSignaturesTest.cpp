#include <gtest/gtest.h>

#include "function/BuiltinFunctions.h"

namespace presto::test {
namespace {

class WindowSignaturesTest : public ::testing::Test {
 protected:
  static const FunctionRegistry& registry() {
    static auto registry = makeBuiltinRegistry();
    return *registry;
  }

  /// The return type of `name(types...)` resolved as a window function.
  static std::string returnType(const std::string& name, const std::vector<TypePtr>& types) {
    return registry().resolve(name, types, FunctionKind::kWindow)->returnType->toString();
  }
};

TEST_F(WindowSignaturesTest, rankingFunctions) {
  EXPECT_EQ(returnType("row_number", {}), "bigint");
  EXPECT_EQ(returnType("rank", {}), "bigint");
  EXPECT_EQ(returnType("dense_rank", {}), "bigint");
  EXPECT_EQ(returnType("percent_rank", {}), "double");
  EXPECT_EQ(returnType("cume_dist", {}), "double");
  EXPECT_EQ(returnType("ntile", {BIGINT()}), "bigint");
  // An integer bucket count coerces to bigint.
  auto ntile = registry().resolve("ntile", {INTEGER()}, FunctionKind::kWindow);
  EXPECT_EQ(ntile->argumentTypes[0]->toString(), "bigint");
  EXPECT_THROW(registry().resolve("row_number", {BIGINT()}, FunctionKind::kWindow), PrestoException);
}

TEST_F(WindowSignaturesTest, valueFunctionsReturnTheirArgumentType) {
  EXPECT_EQ(returnType("first_value", {VARCHAR(10)}), "varchar(10)");
  EXPECT_EQ(returnType("last_value", {DECIMAL(12, 2)}), "decimal(12,2)");
  EXPECT_EQ(returnType("nth_value", {DOUBLE(), BIGINT()}), "double");
  EXPECT_EQ(returnType("nth_value", {ARRAY(BIGINT()), INTEGER()}), "array(bigint)");
  EXPECT_EQ(returnType("lag", {DATE()}), "date");
  EXPECT_EQ(returnType("lag", {BIGINT(), BIGINT()}), "bigint");
  EXPECT_EQ(returnType("lead", {BIGINT(), BIGINT(), BIGINT()}), "bigint");
  // The default coerces to the value's type.
  auto lead = registry().resolve("lead", {DOUBLE(), INTEGER(), INTEGER()}, FunctionKind::kWindow);
  EXPECT_EQ(lead->returnType->toString(), "double");
  EXPECT_EQ(lead->argumentTypes[2]->toString(), "double");
}

TEST_F(WindowSignaturesTest, listedAsWindowKindAndNotScalar) {
  size_t numWindow = 0;
  for (const auto& listing : registry().list()) {
    if (listing.kind == "window") {
      ++numWindow;
      EXPECT_FALSE(listing.description.empty()) << listing.name;
    }
  }
  EXPECT_EQ(numWindow, 15u);
  EXPECT_THROW(registry().resolve("rank", {}, FunctionKind::kScalar), PrestoException);
  // Aggregates stay aggregates; the analyzer falls back to them over windows.
  EXPECT_EQ(registry().resolve("sum", {BIGINT()}, FunctionKind::kAggregate)->returnType->toString(), "bigint");
}

} // namespace
} // namespace presto::test
