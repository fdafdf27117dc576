#include "sql/parser/Keywords.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_set>

namespace presto::sql {
namespace {

// Presto's reserved words, as listed in its documentation ("Reserved Keywords").
const std::unordered_set<std::string_view>& reservedWords() {
  static const std::unordered_set<std::string_view> words = {
      "ALTER",     "AND",          "AS",           "BETWEEN",           "BY",
      "CASE",      "CAST",         "CONSTRAINT",   "CREATE",            "CROSS",
      "CUBE",      "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER",
      "DEALLOCATE", "DELETE",      "DESCRIBE",     "DISTINCT",          "DROP",
      "ELSE",      "END",          "ESCAPE",       "EXCEPT",            "EXECUTE",
      "EXISTS",    "EXTRACT",      "FALSE",        "FOR",               "FROM",
      "FULL",      "GROUP",        "GROUPING",     "HAVING",            "IN",
      "INNER",     "INSERT",       "INTERSECT",    "INTO",              "IS",
      "JOIN",      "LEFT",         "LIKE",         "LOCALTIME",         "LOCALTIMESTAMP",
      "NATURAL",   "NORMALIZE",    "NOT",          "NULL",              "ON",
      "OR",        "ORDER",        "OUTER",        "PREPARE",           "RECURSIVE",
      "RIGHT",     "ROLLUP",       "SELECT",       "TABLE",             "THEN",
      "TRUE",      "UESCAPE",      "UNION",        "UNNEST",            "USING",
      "VALUES",    "WHEN",         "WHERE",        "WITH",
  };
  return words;
}

// Non-reserved words that the parser reads specially in some position: at the start of an
// expression (`array[`, `row(`, `interval '1'`, `position(`, `try_cast(`), after an expression
// (`at time zone`), where an implicit alias could stand (`limit`, `offset`, `fetch`, `window`,
// `tablesample`) or where a window name could stand (`partition`, `rows`, `range`, `groups`).
const std::unordered_set<std::string_view>& contextualKeywords() {
  static const std::unordered_set<std::string_view> words = {
      "array", "at",     "fetch",    "interval", "limit",       "offset",
      "position", "row", "try_cast", "window",   "tablesample", "partition",
      "rows",     "range", "groups",
  };
  return words;
}

} // namespace

bool isReservedWord(std::string_view upperWord) {
  return reservedWords().contains(upperWord);
}

bool isContextualKeyword(std::string_view word) {
  std::string lower(word);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) {
    return static_cast<char>(std::tolower(c));
  });
  return contextualKeywords().contains(lower);
}

} // namespace presto::sql
