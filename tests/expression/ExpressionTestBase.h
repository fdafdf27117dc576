#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "expression/ExprSet.h"
#include "expression/RowExpression.h"
#include "function/BuiltinFunctions.h"
#include "type/Value.h"

namespace presto {

/// Readable Values in GoogleTest failure messages.
void PrintTo(const Value& value, std::ostream* os);

} // namespace presto

namespace presto::test {

/// Parses a compact function-call syntax into typed RowExpressions, resolving functions through a
/// registry and inserting implicit casts, so tests read like SQL:
///   `plus(c0, 1)`, `like(c0, '%x%')`, `cast(c0 as decimal(10,2))`, `if(gt(c0, 0), c0, null)`,
///   `case(cond, value, ..., else)`, `in(c0, 1, 2)`, `transform(c0, (x:bigint) -> plus(x, 1))`.
/// Columns are c0, c1, ...; literals: integers (integer or bigint), decimals (1.25), doubles
/// (1.5e0), 'strings', true/false/null, date '2020-01-01'. Operator aliases: plus minus multiply
/// divide mod negate eq neq lt lte gt gte between distinct.
class ExpressionParser {
 public:
  ExpressionParser(const FunctionRegistry& registry, std::vector<TypePtr> inputTypes);
  RowExpressionPtr parse(const std::string& text);

 private:
  RowExpressionPtr parseExpression();
  RowExpressionPtr parseCall(const std::string& name);
  RowExpressionPtr makeCall(const std::string& name, std::vector<RowExpressionPtr> arguments);
  std::string readIdentifier();
  std::string readTypeText();
  void skipSpaces();
  bool consume(char c);
  void expect(char c);

  const FunctionRegistry& registry_;
  std::vector<TypePtr> inputTypes_;
  std::vector<std::pair<std::string, TypePtr>> lambdaScope_;
  std::string text_;
  size_t position_ = 0;
};

/// Adds a cast when `expression` is not already of `type`.
RowExpressionPtr castIfNeeded(const RowExpressionPtr& expression, const TypePtr& type);

/// Outcome of evaluating an expression on one row: a value or an error.
struct EvalOutcome {
  Value value;
  std::optional<std::string> errorCode;
  std::string errorMessage;
};

/// Base fixture: parses and evaluates expressions with the built-in registry. Every evaluation runs
/// the inputs flat, wrapped in a dictionary (over a shuffled, larger base) and, for single rows, as
/// constants, and checks that all encodings agree on values and errors.
class ExpressionTestBase : public ::testing::Test {
 protected:
  static const FunctionRegistry& registry();

  RowExpressionPtr parse(const std::string& text, const std::vector<TypePtr>& inputTypes = {});

  /// Evaluates on one row of arguments; fails the test on an error.
  Value eval(const std::string& text, const std::vector<TypePtr>& types = {}, const std::vector<Value>& args = {});
  /// Evaluates on one row expecting an error; returns the error code name (`DIVISION_BY_ZERO`).
  std::string evalError(const std::string& text, const std::vector<TypePtr>& types = {}, const std::vector<Value>& args = {});
  /// Like evalError, returning the message.
  std::string evalErrorMessage(const std::string& text, const std::vector<TypePtr>& types = {}, const std::vector<Value>& args = {});
  /// Evaluates on many rows (each inner vector one row); values per row.
  std::vector<Value> evalRows(const std::string& text, const std::vector<TypePtr>& types,
      const std::vector<std::vector<Value>>& rows);
  /// The type of a parsed expression.
  TypePtr typeOf(const std::string& text, const std::vector<TypePtr>& types = {});

 private:
  EvalOutcome evalOneRow(const std::string& text, const std::vector<TypePtr>& types, const std::vector<Value>& args);
};

/// A long-decimal Value from decimal digits (`int128Value("12345678901234567890")`).
Value int128Value(const std::string& digits);

} // namespace presto::test
