#pragma once

#include "sql/parser/ast/Expression.h"

namespace presto::sql {

class Query;
using QueryPtr = std::shared_ptr<const Query>;
/// Compares two queries deeply (defined with the query nodes).
bool deepEqual(const QueryPtr& left, const QueryPtr& right);

/// `left + right`, `-`, `*`, `/`, `%`.
class ArithmeticBinary : public NodeOf<ArithmeticBinary, Expression, NodeKind::kArithmeticBinary> {
 public:
  enum class Operator { kAdd, kSubtract, kMultiply, kDivide, kModulus };

  Operator op = Operator::kAdd;
  ExpressionPtr left;
  ExpressionPtr right;

  auto fields() const { return std::tie(op, left, right); }
};

/// `-value` or `+value`.
class ArithmeticUnary : public NodeOf<ArithmeticUnary, Expression, NodeKind::kArithmeticUnary> {
 public:
  bool negative = true;
  ExpressionPtr value;

  auto fields() const { return std::tie(negative, value); }
};

/// Comparison operators shared by plain and quantified comparisons.
enum class ComparisonOperator {
  kEqual,
  kNotEqual,
  kLessThan,
  kLessThanOrEqual,
  kGreaterThan,
  kGreaterThanOrEqual,
  kIsDistinctFrom,
};

/// SQL spelling of a comparison operator, e.g. "<=" or "IS DISTINCT FROM".
std::string_view comparisonOperatorText(ComparisonOperator op);

/// `left = right` and friends; `a IS NOT DISTINCT FROM b` is NOT around IS DISTINCT FROM, and
/// `!=` is read as `<>`.
class Comparison : public NodeOf<Comparison, Expression, NodeKind::kComparison> {
 public:
  ComparisonOperator op = ComparisonOperator::kEqual;
  ExpressionPtr left;
  ExpressionPtr right;

  auto fields() const { return std::tie(op, left, right); }
};

/// `left AND right`, `left OR right`.
class LogicalBinary : public NodeOf<LogicalBinary, Expression, NodeKind::kLogicalBinary> {
 public:
  enum class Operator { kAnd, kOr };

  Operator op = Operator::kAnd;
  ExpressionPtr left;
  ExpressionPtr right;

  auto fields() const { return std::tie(op, left, right); }
};

/// `NOT value`; also wraps the negated forms NOT BETWEEN, NOT IN, NOT LIKE as Presto does.
class Not : public NodeOf<Not, Expression, NodeKind::kNot> {
 public:
  ExpressionPtr value;

  auto fields() const { return std::tie(value); }
};

/// `value IS [NOT] NULL`.
class IsNull : public NodeOf<IsNull, Expression, NodeKind::kIsNull> {
 public:
  ExpressionPtr value;
  bool negated = false;

  auto fields() const { return std::tie(value, negated); }
};

/// `value BETWEEN min AND max`.
class Between : public NodeOf<Between, Expression, NodeKind::kBetween> {
 public:
  ExpressionPtr value;
  ExpressionPtr min;
  ExpressionPtr max;

  auto fields() const { return std::tie(value, min, max); }
};

/// `value LIKE pattern [ESCAPE escape]`.
class Like : public NodeOf<Like, Expression, NodeKind::kLike> {
 public:
  ExpressionPtr value;
  ExpressionPtr pattern;
  ExpressionPtr escape;

  auto fields() const { return std::tie(value, pattern, escape); }
};

/// The parenthesized list on the right of IN.
class InList : public NodeOf<InList, Expression, NodeKind::kInList> {
 public:
  std::vector<ExpressionPtr> values;

  auto fields() const { return std::tie(values); }
};

/// `value IN (list)` or `value IN (subquery)`; `valueList` is an InList or a Subquery.
class In : public NodeOf<In, Expression, NodeKind::kIn> {
 public:
  ExpressionPtr value;
  ExpressionPtr valueList;

  auto fields() const { return std::tie(value, valueList); }
};

/// `(query)` used as a value: scalar subquery, IN list or EXISTS operand.
class Subquery : public NodeOf<Subquery, Expression, NodeKind::kSubquery> {
 public:
  QueryPtr query;

  auto fields() const { return std::tie(query); }
};

/// `EXISTS (query)`; `subquery` is a Subquery.
class Exists : public NodeOf<Exists, Expression, NodeKind::kExists> {
 public:
  ExpressionPtr subquery;

  auto fields() const { return std::tie(subquery); }
};

/// `value op ALL|ANY|SOME (query)`; `subquery` is a Subquery.
class QuantifiedComparison
    : public NodeOf<QuantifiedComparison, Expression, NodeKind::kQuantifiedComparison> {
 public:
  enum class Quantifier { kAll, kAny, kSome };

  ComparisonOperator op = ComparisonOperator::kEqual;
  Quantifier quantifier = Quantifier::kAll;
  ExpressionPtr value;
  ExpressionPtr subquery;

  auto fields() const { return std::tie(op, quantifier, value, subquery); }
};

/// `value AT TIME ZONE zone`; `AT TIME ZONE LOCAL` is not supported.
class AtTimeZone : public NodeOf<AtTimeZone, Expression, NodeKind::kAtTimeZone> {
 public:
  ExpressionPtr value;
  ExpressionPtr timeZone;

  auto fields() const { return std::tie(value, timeZone); }
};

} // namespace presto::sql
