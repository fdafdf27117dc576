#include "sql/optimizer/Conjuncts.h"

#include "sql/optimizer/ExpressionFactory.h"

namespace presto::sql {
namespace {

void flatten(const RowExpressionPtr& expression, SpecialForm form, std::vector<RowExpressionPtr>& out) {
  if (isSpecialForm(*expression, form)) {
    for (const auto& argument : expression->arguments()) {
      flatten(argument, form, out);
    }
    return;
  }
  out.push_back(expression);
}

} // namespace

std::vector<RowExpressionPtr> extractConjuncts(const RowExpressionPtr& expression) {
  std::vector<RowExpressionPtr> conjuncts;
  if (!expression || isBooleanConstant(*expression, true)) {
    return conjuncts;
  }
  flatten(expression, SpecialForm::kAnd, conjuncts);
  return conjuncts;
}

std::vector<RowExpressionPtr> extractDisjuncts(const RowExpressionPtr& expression) {
  std::vector<RowExpressionPtr> disjuncts;
  flatten(expression, SpecialForm::kOr, disjuncts);
  return disjuncts;
}

std::vector<RowExpressionPtr> uniqueConjuncts(const std::vector<RowExpressionPtr>& conjuncts) {
  std::vector<RowExpressionPtr> unique;
  for (const auto& conjunct : conjuncts) {
    bool seen = false;
    for (const auto& kept : unique) {
      seen = seen || kept->equals(*conjunct);
    }
    if (!seen || !conjunct->isDeterministic()) {
      unique.push_back(conjunct);
    }
  }
  return unique;
}

} // namespace presto::sql
