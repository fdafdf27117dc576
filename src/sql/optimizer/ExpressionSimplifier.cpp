#include "sql/optimizer/ExpressionSimplifier.h"

#include "expression/ConstantFolder.h"
#include "sql/optimizer/Conjuncts.h"
#include "sql/optimizer/ExpressionFactory.h"
#include "sql/optimizer/SymbolReferences.h"

namespace presto::sql {
namespace {

bool containsEqual(const std::vector<RowExpressionPtr>& expressions, const RowExpressionPtr& expression) {
  for (const auto& candidate : expressions) {
    if (candidate->equals(*expression)) {
      return true;
    }
  }
  return false;
}

RowExpressionPtr simplifyAnd(const RowExpressionPtr& expression) {
  std::vector<RowExpressionPtr> kept;
  for (const auto& conjunct : extractConjuncts(expression)) {
    if (isBooleanConstant(*conjunct, false)) {
      return conjunct;
    }
    if (!isBooleanConstant(*conjunct, true)) {
      kept.push_back(conjunct);
    }
  }
  return ExpressionFactory::andOf(uniqueConjuncts(kept));
}

/// `(a AND b) OR (a AND c)` -> `a AND (b OR c)`; deterministic common conjuncts only.
RowExpressionPtr factorCommonConjuncts(std::vector<RowExpressionPtr> disjuncts) {
  std::vector<std::vector<RowExpressionPtr>> conjunctsOf;
  for (const auto& disjunct : disjuncts) {
    conjunctsOf.push_back(extractConjuncts(disjunct));
  }
  std::vector<RowExpressionPtr> common;
  for (const auto& candidate : conjunctsOf[0]) {
    bool everywhere = candidate->isDeterministic() && !containsEqual(common, candidate);
    for (size_t i = 1; i < conjunctsOf.size() && everywhere; ++i) {
      everywhere = containsEqual(conjunctsOf[i], candidate);
    }
    if (everywhere) {
      common.push_back(candidate);
    }
  }
  if (common.empty()) {
    return ExpressionFactory::orOf(std::move(disjuncts));
  }
  std::vector<RowExpressionPtr> remainders;
  for (const auto& conjuncts : conjunctsOf) {
    std::vector<RowExpressionPtr> rest;
    for (const auto& conjunct : conjuncts) {
      if (!containsEqual(common, conjunct)) {
        rest.push_back(conjunct);
      }
    }
    if (rest.empty()) {
      // One disjunct is exactly the common part: the OR adds nothing to it.
      return ExpressionFactory::andOf(std::move(common));
    }
    remainders.push_back(ExpressionFactory::andOf(std::move(rest)));
  }
  common.push_back(ExpressionFactory::orOf(std::move(remainders)));
  return ExpressionFactory::andOf(std::move(common));
}

RowExpressionPtr simplifyOr(const RowExpressionPtr& expression) {
  std::vector<RowExpressionPtr> kept;
  for (const auto& disjunct : extractDisjuncts(expression)) {
    if (isBooleanConstant(*disjunct, true)) {
      return disjunct;
    }
    if (!isBooleanConstant(*disjunct, false) && !(disjunct->isDeterministic() && containsEqual(kept, disjunct))) {
      kept.push_back(disjunct);
    }
  }
  if (kept.size() <= 1) {
    return ExpressionFactory::orOf(std::move(kept));
  }
  return factorCommonConjuncts(std::move(kept));
}

RowExpressionPtr simplifyNode(const RowExpressionPtr& expression) {
  if (isSpecialForm(*expression, SpecialForm::kAnd)) {
    return simplifyAnd(expression);
  }
  if (isSpecialForm(*expression, SpecialForm::kOr)) {
    return simplifyOr(expression);
  }
  if (isCallOf(*expression, "not") && isCallOf(*expression->arguments()[0], "not")) {
    return expression->arguments()[0]->arguments()[0];
  }
  return expression;
}

RowExpressionPtr simplifyTree(const RowExpressionPtr& expression) {
  if (expression->kind() != RowExpressionKind::kCall && expression->kind() != RowExpressionKind::kSpecialForm) {
    return expression;
  }
  std::vector<RowExpressionPtr> arguments;
  bool changed = false;
  for (const auto& argument : expression->arguments()) {
    arguments.push_back(simplifyTree(argument));
    changed = changed || arguments.back() != argument;
  }
  return simplifyNode(changed ? withArguments(*expression, std::move(arguments)) : expression);
}

} // namespace

RowExpressionPtr simplifyExpression(const RowExpressionPtr& expression, const FunctionRegistry& functions) {
  auto simplified = simplifyTree(foldConstants(expression, functions));
  // Simplification may expose new constant subtrees (`x AND false` inside a larger expression).
  return simplified->equals(*expression) ? expression : foldConstants(simplified, functions);
}

} // namespace presto::sql
