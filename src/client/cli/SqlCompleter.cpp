#include "client/cli/SqlCompleter.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace presto::cli {
namespace {

// The words the shell completes: Presto's statement and clause keywords, and the shell's commands.
constexpr std::string_view kKeywords[] = {"ALL", "ALTER", "ANALYZE", "AND", "ANY", "ARRAY", "AS", "ASC", "AT",
    "BERNOULLI", "BETWEEN", "BIGINT", "BOOLEAN", "BY", "CALL", "CASCADE", "CASE", "CAST", "CATALOGS", "CHAR",
    "COLUMN", "COLUMNS", "COMMENT", "COMMIT", "CREATE", "CROSS", "CUBE", "CURRENT", "CURRENT_DATE",
    "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "DATA", "DATE", "DAY", "DEALLOCATE", "DECIMAL",
    "DELETE", "DESC", "DESCRIBE", "DISTINCT", "DISTRIBUTED", "DOUBLE", "DROP", "ELSE", "END", "ESCAPE",
    "EXCEPT", "EXCLUDING", "EXECUTE", "EXISTS", "EXIT", "EXPLAIN", "EXTRACT", "FALSE", "FETCH", "FILTER",
    "FIRST", "FOLLOWING", "FOR", "FORMAT", "FROM", "FULL", "FUNCTIONS", "GRANT", "GRAPHVIZ", "GROUP",
    "GROUPING", "GROUPS", "HAVING", "HELP", "HOUR", "IF", "IGNORE", "IN", "INCLUDING", "INNER", "INSERT",
    "INTEGER", "INTERSECT", "INTERVAL", "INTO", "IS", "JOIN", "JSON", "LAST", "LATERAL", "LEFT", "LIKE", "LIMIT",
    "LOCALTIME", "LOCALTIMESTAMP", "LOGICAL", "MAP", "MINUTE", "MONTH", "NATURAL", "NO", "NOT", "NULL", "NULLS",
    "OFFSET", "ON", "ONLY", "OR", "ORDER", "ORDINALITY", "OUTER", "OVER", "PARTITION", "PRECEDING", "PREPARE",
    "PROPERTIES", "QUIT", "RANGE", "REAL", "RECURSIVE", "RENAME", "REPLACE", "RESET", "RIGHT", "ROLLBACK",
    "ROLLUP", "ROW", "ROWS", "SCHEMA", "SCHEMAS", "SECOND", "SELECT", "SESSION", "SET", "SETS", "SHOW",
    "SMALLINT", "SOME", "START", "STATS", "SYSTEM", "TABLE", "TABLES", "TABLESAMPLE", "TEXT", "THEN", "TIME",
    "TIMESTAMP", "TINYINT", "TO", "TRUE", "TRY_CAST", "TYPE", "UNBOUNDED", "UNION", "UNNEST", "UPDATE", "USE",
    "USING", "VALIDATE", "VALUES", "VARBINARY", "VARCHAR", "VERBOSE", "VIEW", "WHEN", "WHERE", "WINDOW", "WITH",
    "WORK", "YEAR", "ZONE"};

std::string lower(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(),
      [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return result;
}

bool startsWithIgnoringCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && lower(text.substr(0, prefix.size())) == lower(prefix);
}

// A name as SQL text: quoted unless it is a plain lower-case identifier.
std::string quoted(const std::string& name) {
  bool plain = !name.empty() && !std::isdigit(static_cast<unsigned char>(name[0])) &&
      std::all_of(name.begin(), name.end(), [](unsigned char c) { return std::islower(c) || std::isdigit(c) || c == '_'; });
  if (plain) {
    return name;
  }
  std::string text = "\"";
  for (char c : name) {
    text += c == '"' ? "\"\"" : std::string(1, c);
  }
  return text + "\"";
}

std::string literal(const std::string& text) {
  std::string result = "'";
  for (char c : text) {
    result += c == '\'' ? "''" : std::string(1, c);
  }
  return result + "'";
}

} // namespace

SqlCompleter::SqlCompleter(RowSource rows) : rows_(std::move(rows)) {}

void SqlCompleter::refresh(const std::optional<std::string>& catalog, const std::optional<std::string>& schema) {
  std::string key = catalog.value_or("") + "\n" + schema.value_or("");
  if (fetchedFor_ == key) {
    return;
  }
  fetchedFor_ = key;
  std::set<std::string> names;
  auto add = [&](const std::string& sql, auto&& onRow) {
    if (auto rows = rows_(sql)) {
      for (const auto& row : *rows) {
        onRow(row);
      }
    }
  };
  add("SHOW CATALOGS", [&](const auto& row) { names.insert(row.at(0)); });
  if (catalog) {
    add("SHOW SCHEMAS FROM " + quoted(*catalog), [&](const auto& row) {
      names.insert(row.at(0));
      names.insert(*catalog + "." + row.at(0));
    });
  }
  if (catalog && schema) {
    add("SHOW TABLES FROM " + quoted(*catalog) + "." + quoted(*schema), [&](const auto& row) {
      names.insert(row.at(0));
      names.insert(*schema + "." + row.at(0));
      names.insert(*catalog + "." + *schema + "." + row.at(0));
    });
    add("SELECT table_name, column_name FROM " + quoted(*catalog) +
            ".information_schema.columns WHERE table_schema = " + literal(*schema),
        [&](const auto& row) {
          names.insert(row.at(1));
          names.insert(row.at(0) + "." + row.at(1));
        });
  }
  names_.assign(names.begin(), names.end());
}

std::vector<std::string> SqlCompleter::complete(
    std::string_view prefix, const std::optional<std::string>& catalog, const std::optional<std::string>& schema) {
  std::set<std::string> matches;
  bool lowerCase = std::any_of(prefix.begin(), prefix.end(), [](unsigned char c) { return std::islower(c); });
  for (auto keyword : kKeywords) {
    if (startsWithIgnoringCase(keyword, prefix)) {
      matches.insert(lowerCase ? lower(keyword) : std::string(keyword));
    }
  }
  refresh(catalog, schema);
  // Qualified names only once a qualifier is typed, so that a bare Tab lists plain names.
  bool qualified = prefix.find('.') != std::string_view::npos;
  for (const auto& name : names_) {
    if ((qualified || name.find('.') == std::string::npos) && startsWithIgnoringCase(name, prefix)) {
      matches.insert(name);
    }
  }
  return {matches.begin(), matches.end()};
}

} // namespace presto::cli
