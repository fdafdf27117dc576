#include <gtest/gtest.h>

#include "common/Check.h"

namespace presto {
namespace {

TEST(ErrorCodeTest, numberingFollowsPrestodb) {
  EXPECT_EQ(errors::SYNTAX_ERROR.code, 1);
  EXPECT_EQ(errors::NUMERIC_VALUE_OUT_OF_RANGE.code, 19);
  EXPECT_EQ(errors::GENERIC_INTERNAL_ERROR.code, 65536);
  EXPECT_EQ(errors::CORRUPT_PAGE.code, 65555);
  EXPECT_EQ(errors::SERIALIZED_PAGE_CHECKSUM_ERROR.code, 65568);
  EXPECT_EQ(errors::EXCEEDED_LOCAL_MEMORY_LIMIT.code, 131079);
  EXPECT_EQ(errorTypeName(errors::QUERY_QUEUE_FULL.type), "INSUFFICIENT_RESOURCES");
  EXPECT_EQ(errors::DIVISION_BY_ZERO.name, "DIVISION_BY_ZERO");
}

TEST(ErrorCodeTest, tryCatchesOnlyDataErrors) {
  EXPECT_TRUE(isCaughtByTry(errors::DIVISION_BY_ZERO));
  EXPECT_TRUE(isCaughtByTry(errors::INVALID_CAST_ARGUMENT));
  EXPECT_FALSE(isCaughtByTry(errors::SYNTAX_ERROR));
  EXPECT_TRUE(isRetriable(errors::REMOTE_HOST_GONE));
  EXPECT_FALSE(isRetriable(errors::CORRUPT_PAGE));
}

TEST(ErrorCodeTest, locationPrefixesMessage) {
  PrestoException error(errors::SYNTAX_ERROR, SourceLocation{3, 14}, "Column 'x' cannot be resolved");
  EXPECT_STREQ(error.what(), "line 3:14: Column 'x' cannot be resolved");
  EXPECT_EQ(error.rawMessage(), "Column 'x' cannot be resolved");
  EXPECT_TRUE(error.isUserError());
}

TEST(ErrorCodeTest, checkMacrosCarryBlame) {
  try {
    PRESTO_USER_CHECK(1 + 1 == 3, errors::DIVISION_BY_ZERO, "bad {}", 42);
    FAIL();
  } catch (const PrestoException& e) {
    EXPECT_EQ(e.errorCode(), errors::DIVISION_BY_ZERO);
    EXPECT_STREQ(e.what(), "bad 42");
  }
  try {
    PRESTO_CHECK(false, "broken {}", "invariant");
    FAIL();
  } catch (const PrestoException& e) {
    EXPECT_EQ(e.errorCode(), errors::GENERIC_INTERNAL_ERROR);
    EXPECT_FALSE(e.isUserError());
    EXPECT_NE(std::string(e.what()).find("broken invariant"), std::string::npos);
  }
}

} // namespace
} // namespace presto
