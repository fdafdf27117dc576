#pragma once

#include "sql/planner/PlanNode.h"

namespace presto::sql {

/// A remote exchange: the point where rows move between tasks, and where the fragmenter cuts the
/// plan. Each source becomes a fragment of its own whose output is partitioned by `type`:
///  - kGather: every row goes to the one task of the consumer;
///  - kRepartition: row r goes to consumer task `hash(partitionKeys of r) % partitionCount`;
///  - kReplicate: every row goes to every task of the consumer (broadcast).
/// Output symbol i takes its values from `inputs()[source][i]` of each source (as in
/// SetOperationNode), so a UNION ALL can be an exchange with several sources. Partition keys are
/// output symbols.
class ExchangeNode : public PlanNode {
 public:
  enum class Type { kGather, kRepartition, kReplicate };

  /// REQUIRES: inputs.size() == sources.size(), each as long as outputs; partitionKeys only and
  /// at least one for kRepartition.
  ExchangeNode(PlanNodeId id, Type type, std::vector<PlanNodePtr> sources, std::vector<Symbol> outputs,
      std::vector<std::vector<Symbol>> inputs, std::vector<Symbol> partitionKeys = {}, int32_t partitionCount = 1)
      : PlanNode(id, std::move(sources), std::move(outputs)),
        type_(type),
        inputs_(std::move(inputs)),
        partitionKeys_(std::move(partitionKeys)),
        partitionCount_(partitionCount) {}

  /// An exchange of one source passing its symbols through.
  static std::shared_ptr<const ExchangeNode> of(PlanNodeId id, Type type, const PlanNodePtr& source,
      std::vector<Symbol> partitionKeys = {}, int32_t partitionCount = 1) {
    return std::make_shared<ExchangeNode>(id, type, std::vector<PlanNodePtr>{source}, source->outputSymbols(),
        std::vector<std::vector<Symbol>>{source->outputSymbols()}, std::move(partitionKeys), partitionCount);
  }

  Type type() const { return type_; }
  /// Per source, the symbol feeding each output.
  const std::vector<std::vector<Symbol>>& inputs() const { return inputs_; }
  const std::vector<Symbol>& partitionKeys() const { return partitionKeys_; }
  /// Number of consumer tasks of a kRepartition exchange (session `hash_partition_count`); 1
  /// otherwise.
  int32_t partitionCount() const { return partitionCount_; }

  /// `GATHER`, `REPARTITION` or `REPLICATE`.
  static std::string typeName(Type type) {
    switch (type) {
      case Type::kGather: return "GATHER";
      case Type::kRepartition: return "REPARTITION";
      case Type::kReplicate: return "REPLICATE";
    }
    return "UNKNOWN";
  }

  std::string name() const override { return "RemoteExchange"; }
  /// `GATHER`, `REPLICATE` or `REPARTITION, keys = [a, b], partitionCount = 4`.
  std::string details() const override {
    if (type_ != Type::kRepartition) {
      return typeName(type_);
    }
    return typeName(type_) + ", keys = [" + symbolNames(partitionKeys_) + "], partitionCount = " +
        std::to_string(partitionCount_);
  }
  /// `out := in1, in2` per output, only when some input differs from its output.
  std::vector<std::string> detailLines() const override {
    std::vector<std::string> lines;
    bool renames = false;
    for (size_t i = 0; i < outputSymbols().size(); ++i) {
      std::string line = outputSymbols()[i]->name() + " := ";
      for (size_t source = 0; source < inputs_.size(); ++source) {
        line += (source > 0 ? ", " : "") + inputs_[source][i]->name();
        renames = renames || !sameSymbol(inputs_[source][i], outputSymbols()[i]);
      }
      lines.push_back(line);
    }
    return renames ? lines : std::vector<std::string>{};
  }

 private:
  const Type type_;
  const std::vector<std::vector<Symbol>> inputs_;
  const std::vector<Symbol> partitionKeys_;
  const int32_t partitionCount_;
};

} // namespace presto::sql
