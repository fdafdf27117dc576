#pragma once

#include "exec/plan/PlanNode.h"

namespace presto::exec {

/// Reads the pages that upstream tasks (the fragment's sources) write to their output buffers.
/// Its splits are RemoteSplits, one per upstream buffer, added to the task like a table scan's.
/// The pipeline it starts runs `task.concurrency` drivers sharing the splits, or one driver when
/// `singleDriver` (a consumer that must see every row in one place, like the output stage).
class ExchangeNode : public PlanNode {
 public:
  ExchangeNode(std::string id, TypePtr outputType, bool singleDriver = false)
      : PlanNode(std::move(id), std::move(outputType)), singleDriver_(singleDriver) {}
  std::string_view name() const override { return "Exchange"; }
  std::string details() const override { return singleDriver_ ? "single driver" : ""; }
  bool singleDriver() const { return singleDriver_; }

 private:
  const bool singleDriver_;
};

} // namespace presto::exec
