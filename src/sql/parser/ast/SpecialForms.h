#pragma once

#include "sql/parser/ast/Expression.h"

namespace presto::sql {

/// `WHEN operand THEN result` inside a CASE.
class WhenClause : public NodeOf<WhenClause, Expression, NodeKind::kWhenClause> {
 public:
  ExpressionPtr operand;
  ExpressionPtr result;

  auto fields() const { return std::tie(operand, result); }
};

using WhenClausePtr = std::shared_ptr<const WhenClause>;

/// `CASE operand WHEN value THEN result ... [ELSE default] END`.
class SimpleCase : public NodeOf<SimpleCase, Expression, NodeKind::kSimpleCase> {
 public:
  ExpressionPtr operand;
  std::vector<WhenClausePtr> whenClauses;
  ExpressionPtr defaultValue;

  auto fields() const { return std::tie(operand, whenClauses, defaultValue); }
};

/// `CASE WHEN condition THEN result ... [ELSE default] END`.
class SearchedCase : public NodeOf<SearchedCase, Expression, NodeKind::kSearchedCase> {
 public:
  std::vector<WhenClausePtr> whenClauses;
  ExpressionPtr defaultValue;

  auto fields() const { return std::tie(whenClauses, defaultValue); }
};

/// `IF(condition, trueValue [, falseValue])`.
class If : public NodeOf<If, Expression, NodeKind::kIf> {
 public:
  ExpressionPtr condition;
  ExpressionPtr trueValue;
  ExpressionPtr falseValue;

  auto fields() const { return std::tie(condition, trueValue, falseValue); }
};

/// `COALESCE(a, b, ...)` with at least two operands.
class Coalesce : public NodeOf<Coalesce, Expression, NodeKind::kCoalesce> {
 public:
  std::vector<ExpressionPtr> operands;

  auto fields() const { return std::tie(operands); }
};

/// `NULLIF(first, second)`.
class NullIf : public NodeOf<NullIf, Expression, NodeKind::kNullIf> {
 public:
  ExpressionPtr first;
  ExpressionPtr second;

  auto fields() const { return std::tie(first, second); }
};

/// `TRY(value)`: evaluates to NULL where `value` fails with a data error.
class Try : public NodeOf<Try, Expression, NodeKind::kTry> {
 public:
  ExpressionPtr value;

  auto fields() const { return std::tie(value); }
};

/// `CAST(value AS type)` or `TRY_CAST(...)` (`safe`). The type is kept as a canonical type
/// signature string, lower case, e.g. "decimal(15,2)", "array(row(a bigint))",
/// "timestamp with time zone", "interval day to second".
class Cast : public NodeOf<Cast, Expression, NodeKind::kCast> {
 public:
  ExpressionPtr value;
  std::string type;
  bool safe = false;

  auto fields() const { return std::tie(value, type, safe); }
};

/// `EXTRACT(field FROM value)`; the field is an upper-case name such as "YEAR" or "DAY_OF_WEEK".
class Extract : public NodeOf<Extract, Expression, NodeKind::kExtract> {
 public:
  std::string field;
  ExpressionPtr value;

  auto fields() const { return std::tie(field, value); }
};

/// CURRENT_DATE, CURRENT_TIME[(p)], CURRENT_TIMESTAMP[(p)], LOCALTIME[(p)], LOCALTIMESTAMP[(p)].
class CurrentTime : public NodeOf<CurrentTime, Expression, NodeKind::kCurrentTime> {
 public:
  enum class Function { kDate, kTime, kTimestamp, kLocalTime, kLocalTimestamp };

  Function function = Function::kDate;
  std::optional<int32_t> precision;

  auto fields() const { return std::tie(function, precision); }
};

/// SQL name of a CurrentTime function, e.g. "CURRENT_TIMESTAMP".
std::string_view currentTimeFunctionName(CurrentTime::Function function);

/// `ARRAY[a, b, ...]`.
class ArrayConstructor : public NodeOf<ArrayConstructor, Expression, NodeKind::kArrayConstructor> {
 public:
  std::vector<ExpressionPtr> values;

  auto fields() const { return std::tie(values); }
};

/// `ROW(a, b, ...)` or the shorthand `(a, b, ...)`.
class Row : public NodeOf<Row, Expression, NodeKind::kRow> {
 public:
  std::vector<ExpressionPtr> items;

  auto fields() const { return std::tie(items); }
};

/// `base[index]`.
class Subscript : public NodeOf<Subscript, Expression, NodeKind::kSubscript> {
 public:
  ExpressionPtr base;
  ExpressionPtr index;

  auto fields() const { return std::tie(base, index); }
};

/// `base.field`: a qualified column (`t.x`) or a row field; the analyzer tells which.
class Dereference : public NodeOf<Dereference, Expression, NodeKind::kDereference> {
 public:
  ExpressionPtr base;
  IdentifierPtr field;

  auto fields() const { return std::tie(base, field); }
};

/// `x -> body` or `(x, y) -> body`.
class Lambda : public NodeOf<Lambda, Expression, NodeKind::kLambda> {
 public:
  std::vector<IdentifierPtr> arguments;
  ExpressionPtr body;

  auto fields() const { return std::tie(arguments, body); }
};

} // namespace presto::sql
