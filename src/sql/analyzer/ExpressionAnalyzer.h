#pragma once

#include <map>

#include <unordered_map>

#include "sql/analyzer/AnalyzerContext.h"
#include "sql/analyzer/Scope.h"
#include "sql/parser/ast/Ast.h"

namespace presto::sql {

/// Plans the subqueries an expression contains. The planner implements it: it plans the subquery
/// against the current plan (an Apply, SemiJoin or join with EnforceSingleRow) and returns the
/// symbol that carries the subquery's value in the rows above.
class SubqueryHandler {
 public:
  virtual ~SubqueryHandler() = default;
  /// `(SELECT ...)` used as a value.
  virtual RowExpressionPtr scalarSubquery(const Subquery& subquery, const ScopePtr& scope) = 0;
  /// `EXISTS (SELECT ...)`.
  virtual RowExpressionPtr exists(const Exists& exists, const ScopePtr& scope) = 0;
  /// `value IN (SELECT ...)`; `value` is already analyzed.
  virtual RowExpressionPtr inSubquery(const In& in, RowExpressionPtr value, const ScopePtr& scope) = 0;
  /// `value op ALL|ANY|SOME (SELECT ...)`.
  virtual RowExpressionPtr quantifiedComparison(
      const QuantifiedComparison& comparison, RowExpressionPtr value, const ScopePtr& scope) = 0;
};

/// Replacements applied before analysis: an AST subtree equal to `expression` becomes `value`
/// (grouping keys, aggregates and window functions computed below, select items for ORDER BY).
struct Substitution {
  ExpressionPtr expression;
  RowExpressionPtr value;
};

/// How column references of an aggregated query are checked: names resolved in `source` (the FROM
/// scope) must be grouping keys; `keys` maps each grouping key symbol of the source to the symbol
/// that carries it above the aggregation.
struct GroupingCheck {
  const Scope* source = nullptr;
  std::unordered_map<std::string, RowExpressionPtr> keys;
};

/// Where an expression is analyzed.
struct ExpressionContext {
  ScopePtr scope;
  /// Message used when an aggregate or window function appears where none is allowed, e.g.
  /// "WHERE clause cannot contain aggregations or window functions"; empty: they are allowed
  /// only through `substitutions`.
  std::string aggregateError;
  const std::vector<Substitution>* substitutions = nullptr;
  const GroupingCheck* grouping = nullptr;
  SubqueryHandler* subqueries = nullptr;
};

/// Turns AST expressions into typed RowExpressions over plan symbols: resolves names through the
/// scope, types literals, resolves functions and operators through the registry, inserts the
/// implicit coercions (CASTs) Presto applies, and reports semantic errors with their location.
class ExpressionAnalyzer {
 public:
  ExpressionAnalyzer(AnalyzerContext& context, ExpressionContext expressionContext)
      : context_(context), expressionContext_(std::move(expressionContext)) {}

  /// Analyzes a whole expression (checking GROUP BY validity against the whole expression).
  RowExpressionPtr analyze(const ExpressionPtr& expression);
  /// Analyzes an expression that must be boolean: `<clause> must evaluate to a boolean: actual
  /// type <t>` otherwise.
  RowExpressionPtr analyzePredicate(const ExpressionPtr& expression, const std::string& clause);

  /// Resolves a function through the registry, reporting failures at `location` with the
  /// registry's code and message.
  static ResolvedFunctionPtr resolveFunction(const FunctionRegistry& functions, const std::string& name,
      const std::vector<TypePtr>& argumentTypes, std::optional<FunctionKind> kind, SourceLocation location);
  /// A call of a resolved function with its arguments coerced to the resolved types.
  static RowExpressionPtr makeCall(ResolvedFunctionPtr function, std::vector<RowExpressionPtr> arguments);

 private:
  RowExpressionPtr process(const ExpressionPtr& expression);
  RowExpressionPtr processNode(const ExpressionPtr& expression);

  // Names.
  RowExpressionPtr analyzeIdentifier(const Identifier& identifier);
  RowExpressionPtr analyzeDereference(const Dereference& dereference, const ExpressionPtr& self);
  RowExpressionPtr resolveColumn(
      const std::vector<std::string>& qualifier, const std::string& name, SourceLocation location);
  RowExpressionPtr analyzeParameter(const Parameter& parameter);

  // Literals (LiteralAnalyzer.cpp).
  RowExpressionPtr analyzeLongLiteral(const LongLiteral& literal);
  RowExpressionPtr analyzeDecimalLiteral(const std::string& text, SourceLocation location);
  RowExpressionPtr analyzeStringLiteral(const StringLiteral& literal);
  RowExpressionPtr analyzeGenericLiteral(const GenericLiteral& literal);
  RowExpressionPtr analyzeIntervalLiteral(const IntervalLiteral& literal);

  // Operators (OperatorAnalyzer.cpp).
  RowExpressionPtr analyzeArithmetic(const ArithmeticBinary& node);
  RowExpressionPtr analyzeNegation(const ArithmeticUnary& node);
  RowExpressionPtr analyzeComparison(const Comparison& node);
  RowExpressionPtr comparison(ComparisonOperator op, RowExpressionPtr left, RowExpressionPtr right, SourceLocation location);
  RowExpressionPtr analyzeLogical(const LogicalBinary& node);
  RowExpressionPtr analyzeNot(const Not& node);
  RowExpressionPtr analyzeIsNull(const IsNull& node);
  RowExpressionPtr analyzeBetween(const Between& node);
  RowExpressionPtr analyzeLike(const Like& node);
  RowExpressionPtr analyzeIn(const In& node);
  RowExpressionPtr analyzeQuantified(const QuantifiedComparison& node);
  RowExpressionPtr negate(RowExpressionPtr value, SourceLocation location);

  // Special forms (SpecialFormAnalyzer.cpp).
  RowExpressionPtr analyzeSearchedCase(const SearchedCase& node);
  RowExpressionPtr analyzeSimpleCase(const SimpleCase& node);
  RowExpressionPtr analyzeIf(const If& node);
  RowExpressionPtr analyzeCoalesce(const Coalesce& node);
  RowExpressionPtr analyzeNullIf(const NullIf& node);
  RowExpressionPtr analyzeCast(const Cast& node);
  RowExpressionPtr analyzeArray(const ArrayConstructor& node);
  RowExpressionPtr analyzeRow(const Row& node);
  RowExpressionPtr analyzeSubscript(const Subscript& node);
  RowExpressionPtr analyzeExtract(const Extract& node);
  RowExpressionPtr analyzeCurrentTime(const CurrentTime& node);
  RowExpressionPtr analyzeAtTimeZone(const AtTimeZone& node);

  // Function calls (FunctionCallAnalyzer.cpp).
  RowExpressionPtr analyzeFunctionCall(const FunctionCall& node, const ExpressionPtr& self);
  /// A call with lambda arguments (`transform(a, x -> x + 1)`): the other arguments first, then
  /// each lambda's body with its parameters typed from the function's signature.
  RowExpressionPtr analyzeHigherOrderCall(const FunctionCall& node, const std::string& name);

  /// Boolean operand check shared by AND, OR, NOT, WHEN and IF.
  RowExpressionPtr requireBoolean(RowExpressionPtr value, SourceLocation location, const std::string& message);

  AnalyzerContext& context_;
  ExpressionContext expressionContext_;
  /// Parameters of the lambdas being analyzed, innermost last; they hide columns of equal name.
  std::vector<std::map<std::string, TypePtr>> lambdaScopes_;
};

/// Presto's coercion of `value` to `type`: the value itself when the types are equal, a folded
/// constant for literals that convert exactly, a CAST otherwise.
RowExpressionPtr coerce(RowExpressionPtr value, const TypePtr& type);

/// The common super type of several types (unknown for none), or nullopt.
std::optional<TypePtr> commonSuperType(const std::vector<TypePtr>& types);

/// String literals compared with dates are read as dates (`d_date BETWEEN '2002-4-01' AND ...`,
/// as the TPC-DS texts write them). Presto itself requires `DATE '...'` here; this is a deliberate
/// leniency for literals only (columns of type varchar still do not compare with dates).
void coerceDateLiterals(std::vector<RowExpressionPtr>& operands);

/// `type, type, ...` for messages.
std::string typeList(const std::vector<RowExpressionPtr>& values);

} // namespace presto::sql
