#include "sql/parser/Parser.h"

#include <algorithm>

namespace presto::sql {
namespace {

std::optional<ComparisonOperator> comparisonOperator(const Token& token) {
  if (token.type != TokenType::kOperator) {
    return std::nullopt;
  }
  std::string_view text = token.text;
  if (text == "=") {
    return ComparisonOperator::kEqual;
  }
  if (text == "<>" || text == "!=") {
    return ComparisonOperator::kNotEqual;
  }
  if (text == "<") {
    return ComparisonOperator::kLessThan;
  }
  if (text == "<=") {
    return ComparisonOperator::kLessThanOrEqual;
  }
  if (text == ">") {
    return ComparisonOperator::kGreaterThan;
  }
  if (text == ">=") {
    return ComparisonOperator::kGreaterThanOrEqual;
  }
  return std::nullopt;
}

} // namespace

// Precedence, loosest first, as in Presto's grammar: OR, AND, NOT, predicates (comparison,
// BETWEEN, IN, LIKE, IS), `||`, `+ -`, `* / %`, unary `+ -`, AT TIME ZONE, then subscripts and
// field access.

ExpressionPtr Parser::parseExpression() {
  NestingGuard guard(*this, kRecursionCost);
  return parseOr();
}

ExpressionPtr Parser::parseOr() {
  NestingGuard guard(*this, 0);
  ExpressionPtr left = parseAnd();
  while (tokens_.acceptWord("OR")) {
    guard.addLink();
    auto node = make<LogicalBinary>(left->location);
    node->op = LogicalBinary::Operator::kOr;
    node->left = std::move(left);
    node->right = parseAnd();
    left = std::move(node);
  }
  return left;
}

ExpressionPtr Parser::parseAnd() {
  NestingGuard guard(*this, 0);
  ExpressionPtr left = parseNot();
  while (tokens_.acceptWord("AND")) {
    guard.addLink();
    auto node = make<LogicalBinary>(left->location);
    node->op = LogicalBinary::Operator::kAnd;
    node->left = std::move(left);
    node->right = parseNot();
    left = std::move(node);
  }
  return left;
}

ExpressionPtr Parser::parseNot() {
  if (!tokens_.current().isWord("NOT")) {
    return parsePredicated();
  }
  NestingGuard guard(*this, 1);
  auto node = make<Not>(tokens_.advance().location);
  node->value = parseNot();
  return node;
}

ExpressionPtr Parser::parsePredicated() {
  ExpressionPtr value = parseValueExpression();
  const Token& token = tokens_.current();
  if (comparisonOperator(token).has_value()) {
    return parseComparisonTail(std::move(value));
  }
  if (token.isWord("IS")) {
    return parseIsTail(std::move(value));
  }
  if (token.isWord("NOT")) {
    tokens_.advance();
    return parseNegatablePredicate(std::move(value), true);
  }
  if (token.isWord("BETWEEN") || token.isWord("IN") || token.isWord("LIKE")) {
    return parseNegatablePredicate(std::move(value), false);
  }
  tokens_.expecting("<predicate>");
  return value;
}

ExpressionPtr Parser::parseComparisonTail(ExpressionPtr left) {
  // As in Presto, a comparison is located at its operator (errors about it point there).
  SourceLocation operatorLocation = tokens_.current().location;
  ComparisonOperator op = *comparisonOperator(tokens_.advance());
  const Token& quantifier = tokens_.current();
  if ((quantifier.isWord("ALL") || quantifier.isWord("ANY") || quantifier.isWord("SOME")) &&
      isParenthesizedQueryAhead(1)) {
    tokens_.advance();
    auto node = make<QuantifiedComparison>(left->location);
    node->op = op;
    node->quantifier = quantifier.isWord("ALL") ? QuantifiedComparison::Quantifier::kAll
        : quantifier.isWord("ANY")              ? QuantifiedComparison::Quantifier::kAny
                                                : QuantifiedComparison::Quantifier::kSome;
    node->value = std::move(left);
    node->subquery = parseSubqueryInParentheses();
    return node;
  }
  auto node = make<Comparison>(operatorLocation);
  node->op = op;
  node->left = std::move(left);
  node->right = parseValueExpression();
  return node;
}

ExpressionPtr Parser::parseIsTail(ExpressionPtr value) {
  tokens_.advance();
  bool negated = tokens_.acceptWord("NOT");
  if (tokens_.acceptWord("NULL")) {
    auto node = make<IsNull>(value->location);
    node->value = std::move(value);
    node->negated = negated;
    return node;
  }
  if (tokens_.acceptWord("DISTINCT")) {
    tokens_.expectWord("FROM");
    auto comparison = make<Comparison>(value->location);
    comparison->op = ComparisonOperator::kIsDistinctFrom;
    comparison->left = std::move(value);
    comparison->right = parseValueExpression();
    if (!negated) {
      return comparison;
    }
    auto node = make<Not>(comparison->location);
    node->value = std::move(comparison);
    return node;
  }
  tokens_.failMismatch();
}

ExpressionPtr Parser::parseNegatablePredicate(ExpressionPtr value, bool negated) {
  SourceLocation location = value->location;
  ExpressionPtr predicate;
  if (tokens_.acceptWord("BETWEEN")) {
    auto node = make<Between>(location);
    node->value = std::move(value);
    node->min = parseValueExpression();
    tokens_.expectWord("AND");
    node->max = parseValueExpression();
    predicate = std::move(node);
  } else if (tokens_.acceptWord("IN")) {
    auto node = make<In>(location);
    node->value = std::move(value);
    if (isParenthesizedQueryAhead(0) && isQueryStart(tokens_.peek(1))) {
      node->valueList = parseSubqueryInParentheses();
    } else {
      SourceLocation listLocation = tokens_.current().location;
      tokens_.expectSymbol("(");
      auto list = make<InList>(listLocation);
      list->values = parseExpressionList();
      tokens_.expectSymbol(")");
      node->valueList = std::move(list);
    }
    predicate = std::move(node);
  } else if (tokens_.acceptWord("LIKE")) {
    auto node = make<Like>(location);
    node->value = std::move(value);
    node->pattern = parseValueExpression();
    if (tokens_.acceptWord("ESCAPE")) {
      node->escape = parseValueExpression();
    }
    predicate = std::move(node);
  } else {
    tokens_.failMismatch();
  }
  if (!negated) {
    return predicate;
  }
  auto node = make<Not>(location);
  node->value = std::move(predicate);
  return node;
}

ExpressionPtr Parser::parseValueExpression() {
  NestingGuard guard(*this, 0);
  ExpressionPtr left = parseAdditive();
  while (tokens_.acceptSymbol("||")) {
    guard.addLink();
    auto node = make<FunctionCall>(left->location);
    auto name = make<Identifier>(left->location);
    name->value = "concat";
    node->name.parts.push_back(std::move(name));
    node->arguments.push_back(std::move(left));
    node->arguments.push_back(parseAdditive());
    left = std::move(node);
  }
  return left;
}

ExpressionPtr Parser::parseAdditive() {
  return parseArithmeticLevel(
      {{"+", ArithmeticBinary::Operator::kAdd}, {"-", ArithmeticBinary::Operator::kSubtract}},
      &Parser::parseMultiplicative);
}

ExpressionPtr Parser::parseMultiplicative() {
  return parseArithmeticLevel({{"*", ArithmeticBinary::Operator::kMultiply},
                                  {"/", ArithmeticBinary::Operator::kDivide},
                                  {"%", ArithmeticBinary::Operator::kModulus}},
      &Parser::parseUnary);
}

ExpressionPtr Parser::parseArithmeticLevel(
    std::initializer_list<std::pair<std::string_view, ArithmeticBinary::Operator>> operators,
    ExpressionPtr (Parser::*parseOperand)()) {
  NestingGuard guard(*this, 0);
  ExpressionPtr left = (this->*parseOperand)();
  while (true) {
    // As in Presto, an arithmetic operation is located at its operator.
    SourceLocation operatorLocation = tokens_.current().location;
    const auto* match = std::find_if(operators.begin(), operators.end(),
        [&](const auto& candidate) { return tokens_.acceptSymbol(candidate.first); });
    if (match == operators.end()) {
      return left;
    }
    guard.addLink();
    auto node = make<ArithmeticBinary>(operatorLocation);
    node->op = match->second;
    node->left = std::move(left);
    node->right = (this->*parseOperand)();
    left = std::move(node);
  }
}

ExpressionPtr Parser::parseUnary() {
  const Token& token = tokens_.current();
  if (!token.isSymbol("-") && !token.isSymbol("+")) {
    return parseAtTimeZone();
  }
  NestingGuard guard(*this, 1);
  auto node = make<ArithmeticUnary>(token.location);
  node->negative = token.isSymbol("-");
  tokens_.advance();
  node->value = parseUnary();
  return node;
}

ExpressionPtr Parser::parseAtTimeZone() {
  NestingGuard guard(*this, 0);
  ExpressionPtr value = parsePostfix();
  // AT is not reserved, so `x at` may be an alias; only AT TIME ZONE continues the expression.
  while (tokens_.checkWord("AT") && tokens_.peek(1).isWord("TIME")) {
    guard.addLink();
    tokens_.advance();
    tokens_.advance();
    tokens_.expectWord("ZONE");
    auto node = make<AtTimeZone>(value->location);
    node->value = std::move(value);
    if (tokens_.current().isWord("INTERVAL")) {
      node->timeZone = parseIntervalLiteral();
    } else {
      SourceLocation location = tokens_.current().location;
      auto zone = make<StringLiteral>(location);
      // Lists INTERVAL next to <string> if the zone turns out to be missing.
      tokens_.checkWord("INTERVAL");
      zone->value = parseStringValue();
      node->timeZone = std::move(zone);
    }
    value = std::move(node);
  }
  return value;
}

ExpressionPtr Parser::parsePostfix() {
  NestingGuard guard(*this, 0);
  ExpressionPtr base = parsePrimary();
  while (true) {
    if (tokens_.acceptSymbol("[")) {
      guard.addLink();
      auto node = make<Subscript>(base->location);
      node->base = std::move(base);
      node->index = parseValueExpression();
      tokens_.expectSymbol("]");
      base = std::move(node);
    } else if (tokens_.acceptSymbol(".")) {
      guard.addLink();
      auto node = make<Dereference>(base->location);
      node->base = std::move(base);
      node->field = parseIdentifier();
      base = std::move(node);
    } else {
      return base;
    }
  }
}

std::vector<ExpressionPtr> Parser::parseExpressionList() {
  std::vector<ExpressionPtr> expressions;
  do {
    expressions.push_back(parseExpression());
  } while (tokens_.acceptSymbol(","));
  return expressions;
}

} // namespace presto::sql
