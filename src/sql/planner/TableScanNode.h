#pragma once

#include "sql/metadata/MetadataManager.h"
#include "sql/planner/PlanNode.h"

namespace presto::sql {

/// Reads a table: each output symbol is assigned a column handle of the table.
class TableScanNode : public PlanNode {
 public:
  TableScanNode(PlanNodeId id, TableInfoPtr table, std::vector<Symbol> outputs,
      std::vector<connector::ColumnHandlePtr> columns)
      : PlanNode(id, {}, std::move(outputs)), table_(std::move(table)), columns_(std::move(columns)) {}

  const TableInfoPtr& table() const { return table_; }
  /// The column read into each output symbol, parallel to outputSymbols().
  const std::vector<connector::ColumnHandlePtr>& columns() const { return columns_; }

  std::string name() const override { return "TableScan"; }
  std::string details() const override { return "table = " + table_->name.toString(); }
  std::vector<std::string> detailLines() const override {
    std::vector<std::string> lines;
    for (size_t i = 0; i < columns_.size(); ++i) {
      if (outputSymbols()[i]->name() == columns_[i]->name()) {
        continue;
      }
      lines.push_back(outputSymbols()[i]->name() + " := " + columns_[i]->name());
    }
    return lines;
  }

 private:
  const TableInfoPtr table_;
  const std::vector<connector::ColumnHandlePtr> columns_;
};

} // namespace presto::sql
