#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sql/analyzer/Symbol.h"

namespace presto::sql {

class PlanNode;
using PlanNodePtr = std::shared_ptr<const PlanNode>;
using PlanNodeId = int32_t;

/// A node of a logical plan. Nodes are immutable and shared; a node has an id unique in its plan,
/// its sources (inputs) and the symbols it outputs. Rewrites build new nodes.
class PlanNode {
 public:
  virtual ~PlanNode() = default;
  PlanNode(const PlanNode&) = delete;
  PlanNode& operator=(const PlanNode&) = delete;

  PlanNodeId id() const { return id_; }
  const std::vector<PlanNodePtr>& sources() const { return sources_; }
  const PlanNodePtr& source() const { return sources_.at(0); }
  /// The symbols this node produces, in order.
  const std::vector<Symbol>& outputSymbols() const { return outputs_; }

  /// Node kind as EXPLAIN prints it, e.g. "Filter" or "InnerJoin".
  virtual std::string name() const = 0;
  /// The node's arguments on the EXPLAIN line, e.g. "filter = (a > 1)"; empty by default.
  virtual std::string details() const { return {}; }
  /// Extra EXPLAIN lines below the node (assignments, aggregates), already formatted.
  virtual std::vector<std::string> detailLines() const { return {}; }

  template <typename T>
  const T* as() const {
    return dynamic_cast<const T*>(this);
  }

 protected:
  PlanNode(PlanNodeId id, std::vector<PlanNodePtr> sources, std::vector<Symbol> outputs)
      : id_(id), sources_(std::move(sources)), outputs_(std::move(outputs)) {}

 private:
  const PlanNodeId id_;
  const std::vector<PlanNodePtr> sources_;
  const std::vector<Symbol> outputs_;
};

/// Hands out plan node ids, from `first` on (a rewrite of an existing plan starts past its ids).
class PlanNodeIdAllocator {
 public:
  explicit PlanNodeIdAllocator(PlanNodeId first = 0) : next_(first) {}

  PlanNodeId next() { return next_++; }

 private:
  PlanNodeId next_ = 0;
};

/// One key of an ordering: the symbol and its direction (Presto's default is NULLS LAST).
struct SortKey {
  Symbol symbol;
  bool ascending = true;
  bool nullsFirst = false;

  std::string toString() const;
};

/// `a ASC NULLS LAST, b DESC NULLS FIRST`.
std::string sortKeysText(const std::vector<SortKey>& keys);
/// `a, b, c`.
std::string symbolNames(const std::vector<Symbol>& symbols);

} // namespace presto::sql
