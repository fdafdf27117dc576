#pragma once

#include "sql/planner/PlanNode.h"

namespace presto::sql {

/// The root of a query plan: the result columns, by name, and the symbols carrying them.
class OutputNode : public PlanNode {
 public:
  OutputNode(PlanNodeId id, PlanNodePtr source, std::vector<std::string> columnNames, std::vector<Symbol> outputs)
      : PlanNode(id, {std::move(source)}, std::move(outputs)), columnNames_(std::move(columnNames)) {}

  const std::vector<std::string>& columnNames() const { return columnNames_; }

  std::string name() const override { return "Output"; }
  std::string details() const override {
    std::string text;
    for (const auto& column : columnNames_) {
      text += (text.empty() ? "" : ", ") + column;
    }
    return text;
  }
  std::vector<std::string> detailLines() const override {
    std::vector<std::string> lines;
    for (size_t i = 0; i < columnNames_.size(); ++i) {
      if (columnNames_[i] != outputSymbols()[i]->name()) {
        lines.push_back(columnNames_[i] + " := " + outputSymbols()[i]->name());
      }
    }
    return lines;
  }

 private:
  const std::vector<std::string> columnNames_;
};

} // namespace presto::sql
