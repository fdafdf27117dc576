#pragma once

#include <string_view>

#include "sql/parser/ast/Ast.h"

namespace presto::sql {

/// Parses one SQL statement (no trailing semicolon), as Presto's `SqlParser.createStatement`.
/// Throws PrestoException SYNTAX_ERROR, whose message starts with `line L:C: ` pointing at the
/// offending token, for any text that is not a statement of the grammar in docs/sql-syntax.md.
StatementPtr parseStatement(std::string_view sql);

/// Parses one standalone expression, e.g. for a session property value or a test.
ExpressionPtr parseExpression(std::string_view sql);

} // namespace presto::sql
