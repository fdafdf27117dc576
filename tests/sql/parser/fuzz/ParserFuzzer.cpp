#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "sql/parser/SqlFormatter.h"
#include "sql/parser/SqlParser.h"

namespace presto::sql {
namespace {

[[noreturn]] void fail(std::string_view what, std::string_view sql, std::string_view detail) {
  std::fprintf(
      stderr,
      "%.*s\n--- input ---\n%.*s\n--- detail ---\n%.*s\n",
      static_cast<int>(what.size()),
      what.data(),
      static_cast<int>(sql.size()),
      sql.data(),
      static_cast<int>(detail.size()),
      detail.data());
  std::abort();
}

bool isNestingLimit(const PrestoException& e) {
  return e.rawMessage().starts_with("Statement is nested too deeply");
}

/// Parses arbitrary bytes. Anything but a located SYNTAX_ERROR is a bug, and so is a statement
/// whose canonical form does not parse back to an equal tree (formatting may deepen nesting, so a
/// nesting-limit error on the formatted text is tolerated).
void checkInput(std::string_view sql) {
  StatementPtr statement;
  try {
    statement = parseStatement(sql);
  } catch (const PrestoException& e) {
    if (!(e.errorCode() == errors::SYNTAX_ERROR) || !e.location().has_value()) {
      fail("parser threw an error that is not a located syntax error", sql, e.what());
    }
    return;
  }
  for (bool multiLine : {true, false}) {
    std::string formatted = formatSql(*statement, FormatOptions{.multiLine = multiLine});
    StatementPtr reparsed;
    try {
      reparsed = parseStatement(formatted);
    } catch (const PrestoException& e) {
      if (isNestingLimit(e)) {
        return;
      }
      fail("formatted SQL does not parse", sql, std::string(e.what()) + "\n" + formatted);
    }
    // POSITION(a IN b) becomes strpos(b, a), as in Presto, so `?` parameters inside it are
    // renumbered by a round trip; that is the one known difference.
    bool reorderedParameters = formatted.find("strpos(") != std::string::npos &&
        formatted.find('?') != std::string::npos;
    if (!statement->equals(*reparsed) && !reorderedParameters) {
      fail("formatted SQL parses to a different tree", sql, formatted);
    }
  }
}

} // namespace
} // namespace presto::sql

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  presto::sql::checkInput(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
