#pragma once

#include "sql/metadata/MetadataManager.h"
#include "sql/planner/PlanNode.h"

namespace presto::sql {

/// Reads a table: each output symbol is assigned a column handle of the table.
///
/// `constraint` is the filter the optimizer has offered the connector through applyFilter (by
/// column name); the table's handle is the narrowed one the connector returned. The connector
/// may still return rows outside it for columns it does not guarantee, so the optimizer keeps a
/// Filter above the scan for those: the constraint is what was pushed, not a promise about rows.
/// It is `all` when nothing was pushed.
class TableScanNode : public PlanNode {
 public:
  TableScanNode(PlanNodeId id, TableInfoPtr table, std::vector<Symbol> outputs,
      std::vector<connector::ColumnHandlePtr> columns, connector::TupleDomain constraint = connector::TupleDomain::all())
      : PlanNode(id, {}, std::move(outputs)),
        table_(std::move(table)),
        columns_(std::move(columns)),
        constraint_(std::move(constraint)) {}

  const TableInfoPtr& table() const { return table_; }
  const connector::TupleDomain& constraint() const { return constraint_; }
  /// The column read into each output symbol, parallel to outputSymbols().
  const std::vector<connector::ColumnHandlePtr>& columns() const { return columns_; }

  std::string name() const override { return "TableScan"; }
  std::string details() const override { return "table = " + table_->name.toString(); }
  std::vector<std::string> detailLines() const override {
    std::vector<std::string> lines;
    if (!constraint_.isAll()) {
      lines.push_back("constraint = " + constraint_.toString());
    }
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
  const connector::TupleDomain constraint_;
};

} // namespace presto::sql
