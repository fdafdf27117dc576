#pragma once

#include "sql/planner/PlanNode.h"

namespace presto::sql {

/// UNION ALL, INTERSECT [ALL] or EXCEPT [ALL] of its sources. Output symbol i takes its values
/// from `inputs()[source][i]` of each source. UNION DISTINCT is a UNION ALL under a grouping
/// aggregation.
class SetOperationNode : public PlanNode {
 public:
  enum class Kind { kUnion, kIntersect, kExcept };

  SetOperationNode(PlanNodeId id, Kind kind, bool distinct, std::vector<PlanNodePtr> sources, std::vector<Symbol> outputs,
      std::vector<std::vector<Symbol>> inputs)
      : PlanNode(id, std::move(sources), std::move(outputs)), kind_(kind), distinct_(distinct), inputs_(std::move(inputs)) {}

  Kind kind() const { return kind_; }
  bool distinct() const { return distinct_; }
  /// Per source, the symbol feeding each output.
  const std::vector<std::vector<Symbol>>& inputs() const { return inputs_; }

  std::string name() const override {
    switch (kind_) {
      case Kind::kUnion: return "Union";
      case Kind::kIntersect: return distinct_ ? "Intersect" : "IntersectAll";
      case Kind::kExcept: return distinct_ ? "Except" : "ExceptAll";
    }
    return "SetOperation";
  }
  std::vector<std::string> detailLines() const override {
    std::vector<std::string> lines;
    for (size_t i = 0; i < outputSymbols().size(); ++i) {
      std::string line = outputSymbols()[i]->name() + " := ";
      for (size_t source = 0; source < inputs_.size(); ++source) {
        line += (source > 0 ? ", " : "") + inputs_[source][i]->name();
      }
      lines.push_back(line);
    }
    return lines;
  }

 private:
  const Kind kind_;
  const bool distinct_;
  const std::vector<std::vector<Symbol>> inputs_;
};

} // namespace presto::sql
