#pragma once

#include "sql/planner/ExpressionText.h"
#include "sql/planner/PlanNode.h"

namespace presto::sql {

/// One output of a projection: `symbol := expression`.
struct Assignment {
  Symbol symbol;
  RowExpressionPtr expression;
};

/// Computes one expression per output symbol over its source's symbols.
class ProjectNode : public PlanNode {
 public:
  ProjectNode(PlanNodeId id, PlanNodePtr source, std::vector<Assignment> assignments)
      : PlanNode(id, {std::move(source)}, symbolsOf(assignments)), assignments_(std::move(assignments)) {}

  const std::vector<Assignment>& assignments() const { return assignments_; }

  std::string name() const override { return "Project"; }
  std::vector<std::string> detailLines() const override {
    std::vector<std::string> lines;
    for (const auto& assignment : assignments_) {
      if (assignment.expression->kind() == RowExpressionKind::kVariableReference &&
          assignment.expression->as<VariableReferenceExpression>()->name() == assignment.symbol->name()) {
        continue;
      }
      lines.push_back(assignment.symbol->name() + " := " + expressionText(*assignment.expression));
    }
    return lines;
  }

 private:
  static std::vector<Symbol> symbolsOf(const std::vector<Assignment>& assignments) {
    std::vector<Symbol> symbols;
    for (const auto& assignment : assignments) {
      symbols.push_back(assignment.symbol);
    }
    return symbols;
  }

  const std::vector<Assignment> assignments_;
};

} // namespace presto::sql
