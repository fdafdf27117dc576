#include <gtest/gtest.h>

#include "vector/StringView.h"

namespace presto {
namespace {

TEST(StringViewTest, inlineAndOutOfLine) {
  StringView empty;
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(empty.view(), "");
  StringView small("hello world!");  // 12 bytes: inline
  EXPECT_TRUE(small.isInline());
  EXPECT_EQ(small.view(), "hello world!");
  std::string longText = "a string longer than twelve bytes";
  StringView large(longText);
  EXPECT_FALSE(large.isInline());
  EXPECT_EQ(large.data(), longText.data());
  EXPECT_EQ(large.str(), longText);
  StringView copy = small;
  EXPECT_EQ(copy.view(), "hello world!");
}

TEST(StringViewTest, equalityAndOrder) {
  std::string a = "abcdefghijklmnop";
  std::string b = "abcdefghijklmnoq";
  EXPECT_EQ(StringView(a), StringView(std::string(a)));
  EXPECT_FALSE(StringView(a) == StringView(b));
  EXPECT_LT(StringView(a).compare(StringView(b)), 0);
  EXPECT_LT(StringView("ab").compare(StringView("abc")), 0);
  EXPECT_GT(StringView("b").compare(StringView("abc")), 0);
  EXPECT_EQ(StringView("abc").compare(StringView("abc")), 0);
  EXPECT_GT(StringView("\xff").compare(StringView("a")), 0);  // unsigned bytes
  EXPECT_FALSE(StringView("abc") == StringView("abd"));
  EXPECT_FALSE(StringView("abc") == StringView("abcd"));
}

} // namespace
} // namespace presto
