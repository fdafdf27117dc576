#pragma once

#include <memory>
#include <string>
#include <vector>

#include "type/Type.h"

namespace presto::exec {

class PlanNode;
/// Plan nodes are immutable and shared by every driver of every task running the fragment.
using PlanNodePtr = std::shared_ptr<const PlanNode>;

/// A node of the physical plan a worker executes (what the planner's fragmenter produces). Columns
/// are referenced by channel: the position of the column in the node's input row type. Every node
/// knows its output row type.
class PlanNode {
 public:
  PlanNode(std::string id, TypePtr outputType) : id_(std::move(id)), outputType_(std::move(outputType)) {}
  virtual ~PlanNode() = default;

  const std::string& id() const { return id_; }
  /// A row type naming and typing the output columns.
  const TypePtr& outputType() const { return outputType_; }
  const RowType& outputRowType() const { return asRow(*outputType_); }
  std::vector<TypePtr> outputTypes() const { return outputType_->children(); }
  virtual const std::vector<PlanNodePtr>& sources() const;
  /// The node kind ("HashJoin").
  virtual std::string_view name() const = 0;
  /// One line describing this node's own parameters.
  virtual std::string details() const { return ""; }
  /// The tree rendered one node per line, indented.
  std::string toString() const;

 private:
  void appendTo(std::string& out, int depth) const;

  const std::string id_;
  const TypePtr outputType_;
};

/// A node with one source.
class SingleSourceNode : public PlanNode {
 public:
  SingleSourceNode(std::string id, TypePtr outputType, PlanNodePtr source)
      : PlanNode(std::move(id), std::move(outputType)), sources_{std::move(source)} {}
  const std::vector<PlanNodePtr>& sources() const override { return sources_; }
  const PlanNodePtr& source() const { return sources_[0]; }

 private:
  const std::vector<PlanNodePtr> sources_;
};

/// The ordering of one sort key.
struct SortOrder {
  bool ascending = true;
  bool nullsFirst = false;
};

/// A column to sort by.
struct SortKey {
  int32_t channel = 0;
  SortOrder order;
};

/// Row type of `types` named `names`.
TypePtr makeRowType(std::vector<std::string> names, std::vector<TypePtr> types);
/// The output row type of `source` with the given columns appended.
TypePtr appendColumns(const PlanNode& source, std::vector<std::string> names, std::vector<TypePtr> types);
/// The output row type of `source` restricted to `channels`.
TypePtr selectColumns(const PlanNode& source, const std::vector<int32_t>& channels);

} // namespace presto::exec
