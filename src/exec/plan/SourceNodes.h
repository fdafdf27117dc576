#pragma once

#include "connector/spi/ConnectorHandles.h"
#include "connector/spi/Domain.h"
#include "exec/plan/PlanNode.h"
#include "vector/Page.h"

namespace presto::exec {

/// Literal rows: the given pages, produced `repeatTimes` times (by each driver when `parallel`,
/// otherwise by driver 0 only).
class ValuesNode : public PlanNode {
 public:
  ValuesNode(std::string id, TypePtr outputType, std::vector<PagePtr> pages, int32_t repeatTimes = 1,
      bool parallel = false)
      : PlanNode(std::move(id), std::move(outputType)), pages_(std::move(pages)), repeatTimes_(repeatTimes),
        parallel_(parallel) {}
  std::string_view name() const override { return "Values"; }
  const std::vector<PagePtr>& pages() const { return pages_; }
  int32_t repeatTimes() const { return repeatTimes_; }
  bool parallel() const { return parallel_; }

 private:
  const std::vector<PagePtr> pages_;
  const int32_t repeatTimes_;
  const bool parallel_;
};

/// Reads a table through a connector: splits come from the task (added by the scheduler), pages
/// from the connector's page source for each split.
class TableScanNode : public PlanNode {
 public:
  TableScanNode(std::string id, TypePtr outputType, std::string catalog, connector::TableHandlePtr table,
      std::vector<connector::ColumnHandlePtr> columns, connector::TupleDomain filter)
      : PlanNode(std::move(id), std::move(outputType)), catalog_(std::move(catalog)), table_(std::move(table)),
        columns_(std::move(columns)), filter_(std::move(filter)) {}
  std::string_view name() const override { return "TableScan"; }
  std::string details() const override { return catalog_ + ":" + table_->toString(); }
  const std::string& catalog() const { return catalog_; }
  const connector::TableHandlePtr& table() const { return table_; }
  const std::vector<connector::ColumnHandlePtr>& columns() const { return columns_; }
  const connector::TupleDomain& filter() const { return filter_; }

 private:
  const std::string catalog_;
  const connector::TableHandlePtr table_;
  const std::vector<connector::ColumnHandlePtr> columns_;
  const connector::TupleDomain filter_;
};

} // namespace presto::exec
