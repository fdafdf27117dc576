#pragma once

#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "sql/parser/SqlFormatter.h"
#include "sql/parser/SqlParser.h"

namespace presto::sql {

/// Parses `sql`, formats the tree both multi-line and on one line, parses each result again and
/// checks that the trees are equal and that formatting is stable. Returns the one-line form.
inline std::string checkRoundTrip(std::string_view sql) {
  StatementPtr statement = parseStatement(sql);
  std::string singleLine = formatSql(*statement, FormatOptions{.multiLine = false});
  std::string multiLine = formatSql(*statement);
  for (const std::string& formatted : {singleLine, multiLine}) {
    StatementPtr reparsed;
    try {
      reparsed = parseStatement(formatted);
    } catch (const std::exception& e) {
      ADD_FAILURE() << "formatted SQL does not parse: " << e.what() << "\n" << formatted;
      return singleLine;
    }
    EXPECT_TRUE(statement->equals(*reparsed)) << "round trip changed the tree:\n"
                                              << sql << "\n--- formatted as ---\n"
                                              << formatted;
    EXPECT_EQ(formatSql(*reparsed, FormatOptions{.multiLine = false}), singleLine);
  }
  return singleLine;
}

} // namespace presto::sql
