#include "sql/optimizer/EquiJoinKeys.h"

#include "sql/optimizer/SymbolReferences.h"

namespace presto::sql {

PlanNodePtr projectWith(const PlanNodePtr& source, const std::vector<Assignment>& extra, OptimizerContext& context) {
  if (extra.empty()) {
    return source;
  }
  std::vector<Assignment> assignments;
  for (const auto& symbol : source->outputSymbols()) {
    assignments.push_back({symbol, symbol});
  }
  assignments.insert(assignments.end(), extra.begin(), extra.end());
  return std::make_shared<ProjectNode>(context.nextId(), source, std::move(assignments));
}

namespace {

/// A symbol for `expression`: itself when it is one, otherwise a new symbol computed in `extra`.
Symbol keySymbol(const RowExpressionPtr& expression, std::vector<Assignment>& extra, OptimizerContext& context) {
  if (auto symbol = asSymbol(expression)) {
    return symbol;
  }
  auto symbol = context.newSymbol("expr", expression->type());
  extra.push_back({symbol, expression});
  return symbol;
}

} // namespace

std::optional<EquiJoinKeys> equiJoinKeys(const PlanNodePtr& left, const PlanNodePtr& right,
    const std::vector<RowExpressionPtr>& conjuncts, OptimizerContext& context) {
  auto leftNames = namesOf(left->outputSymbols());
  auto rightNames = namesOf(right->outputSymbols());
  auto both = leftNames;
  both.insert(rightNames.begin(), rightNames.end());
  EquiJoinKeys keys;
  std::vector<Assignment> leftExtra;
  std::vector<Assignment> rightExtra;
  for (const auto& conjunct : conjuncts) {
    if (!containsAll(both, referencedSymbols(*conjunct))) {
      return std::nullopt;
    }
    if (isCallOf(*conjunct, operators::kEqual) && conjunct->isDeterministic()) {
      auto left = conjunct->arguments()[0];
      auto right = conjunct->arguments()[1];
      auto leftRead = referencedSymbols(*left);
      auto rightRead = referencedSymbols(*right);
      if (!leftRead.empty() && !rightRead.empty() && containsAll(rightNames, leftRead) &&
          containsAll(leftNames, rightRead)) {
        std::swap(left, right);
        std::swap(leftRead, rightRead);
      }
      if (!leftRead.empty() && !rightRead.empty() && containsAll(leftNames, leftRead) &&
          containsAll(rightNames, rightRead)) {
        keys.leftKeys.push_back(keySymbol(left, leftExtra, context));
        keys.rightKeys.push_back(keySymbol(right, rightExtra, context));
        continue;
      }
    }
    keys.residual.push_back(conjunct);
  }
  keys.left = projectWith(left, leftExtra, context);
  keys.right = projectWith(right, rightExtra, context);
  return keys;
}

} // namespace presto::sql
