#pragma once

#include "sql/planner/ExpressionText.h"
#include "sql/planner/PlanNode.h"

namespace presto::sql {

/// Literal rows (`VALUES`, `SELECT` without FROM, SHOW statements answered from metadata).
class ValuesNode : public PlanNode {
 public:
  ValuesNode(PlanNodeId id, std::vector<Symbol> outputs, std::vector<std::vector<RowExpressionPtr>> rows)
      : PlanNode(id, {}, std::move(outputs)), rows_(std::move(rows)) {}

  const std::vector<std::vector<RowExpressionPtr>>& rows() const { return rows_; }

  std::string name() const override { return "Values"; }
  std::string details() const override { return std::to_string(rows_.size()) + " rows"; }
  std::vector<std::string> detailLines() const override {
    std::vector<std::string> lines;
    for (const auto& row : rows_) {
      std::string line = "(";
      for (size_t i = 0; i < row.size(); ++i) {
        line += (i > 0 ? ", " : "") + expressionText(*row[i]);
      }
      lines.push_back(line + ")");
    }
    return lines;
  }

 private:
  const std::vector<std::vector<RowExpressionPtr>> rows_;
};

} // namespace presto::sql
