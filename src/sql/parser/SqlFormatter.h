#pragma once

#include <string>

#include "sql/parser/ast/Ast.h"

namespace presto::sql {

/// How formatted SQL is laid out.
struct FormatOptions {
  /// One clause per line with nested queries indented (the default), or everything on one line.
  bool multiLine = true;
};

/// Prints a statement, query, relation or expression as canonical SQL that parses back to an
/// equal tree: keywords upper case, unquoted identifiers lower case (quoted only where needed),
/// every operator expression in parentheses (`((a + b) * c)`), explicit ASC in sort keys, and the
/// desugared forms the parser produces (`concat(a, b)` for `a || b`, `strpos(b, a)` for
/// `POSITION(a IN b)`).
std::string formatSql(const Node& node, FormatOptions options = {});

/// Prints an expression on one line; shorthand for formatSql with multiLine = false.
std::string formatExpression(const Expression& expression);

} // namespace presto::sql
