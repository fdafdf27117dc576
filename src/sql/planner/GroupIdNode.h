#pragma once

#include "sql/planner/PlanNode.h"

namespace presto::sql {

/// Replicates each source row once per grouping set for GROUPING SETS, ROLLUP and CUBE: in copy
/// `g`, grouping columns outside set `g` are NULL and `groupIdSymbol` is `g`. Outputs the
/// grouping columns (new symbols), the aggregation arguments (passed through), then the group id.
class GroupIdNode : public PlanNode {
 public:
  struct GroupingColumn {
    Symbol output;
    Symbol input;
  };

  GroupIdNode(PlanNodeId id, PlanNodePtr source, std::vector<std::vector<Symbol>> groupingSets,
      std::vector<GroupingColumn> groupingColumns, std::vector<Symbol> aggregationArguments, Symbol groupIdSymbol)
      : PlanNode(id, {std::move(source)}, outputsOf(groupingColumns, aggregationArguments, groupIdSymbol)),
        groupingSets_(std::move(groupingSets)),
        groupingColumns_(std::move(groupingColumns)),
        aggregationArguments_(std::move(aggregationArguments)),
        groupIdSymbol_(std::move(groupIdSymbol)) {}

  /// Each set lists output symbols of grouping columns.
  const std::vector<std::vector<Symbol>>& groupingSets() const { return groupingSets_; }
  const std::vector<GroupingColumn>& groupingColumns() const { return groupingColumns_; }
  const std::vector<Symbol>& aggregationArguments() const { return aggregationArguments_; }
  const Symbol& groupIdSymbol() const { return groupIdSymbol_; }

  std::string name() const override { return "GroupId"; }
  std::string details() const override {
    std::string text;
    for (const auto& set : groupingSets_) {
      text += (text.empty() ? "[" : ", [") + symbolNames(set) + "]";
    }
    return "[" + text + "]";
  }
  std::vector<std::string> detailLines() const override {
    std::vector<std::string> lines;
    for (const auto& column : groupingColumns_) {
      lines.push_back(column.output->name() + " := " + column.input->name());
    }
    return lines;
  }

 private:
  static std::vector<Symbol> outputsOf(const std::vector<GroupingColumn>& columns, const std::vector<Symbol>& arguments,
      const Symbol& groupId) {
    std::vector<Symbol> outputs;
    for (const auto& column : columns) {
      outputs.push_back(column.output);
    }
    outputs.insert(outputs.end(), arguments.begin(), arguments.end());
    outputs.push_back(groupId);
    return outputs;
  }

  const std::vector<std::vector<Symbol>> groupingSets_;
  const std::vector<GroupingColumn> groupingColumns_;
  const std::vector<Symbol> aggregationArguments_;
  const Symbol groupIdSymbol_;
};

} // namespace presto::sql
