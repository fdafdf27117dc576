#include "FragmentChecker.h"

#include <set>

#include "sql/optimizer/SymbolReferences.h"
#include "sql/planner/AggregationNode.h"
#include "sql/planner/RemoteSourceNode.h"
#include "sql/planner/TableScanNode.h"
#include "sql/planner/ValuesNode.h"

namespace presto::sql::test {
namespace {

std::string names(const std::vector<Symbol>& symbols) {
  return symbolNames(symbols);
}

class FragmentChecker {
 public:
  explicit FragmentChecker(const DistributedPlan& plan) : plan_(plan) {}

  std::vector<std::string> check() {
    for (const auto& fragment : plan_.fragments) {
      collectUnionInputs(*fragment.root);
    }
    for (const auto& fragment : plan_.fragments) {
      current_ = &fragment;
      checkNode(*fragment.root);
      checkRepartition(fragment);
    }
    return problems_;
  }

 private:
  void collectUnionInputs(const PlanNode& node) {
    if (auto remote = node.as<RemoteSourceNode>(); remote && remote->sourceFragmentIds().size() > 1) {
      unionInputs_.insert(remote->sourceFragmentIds().begin(), remote->sourceFragmentIds().end());
    }
    for (const auto& source : node.sources()) {
      collectUnionInputs(*source);
    }
  }

  void problem(const std::string& text) {
    problems_.push_back("fragment " + std::to_string(current_->id) + ": " + text);
  }

  void checkNode(const PlanNode& node) {
    if (node.sources().empty() && !node.as<TableScanNode>() && !node.as<ValuesNode>() &&
        !node.as<RemoteSourceNode>()) {
      problem("leaf " + node.name());
    }
    if (auto remote = node.as<RemoteSourceNode>()) {
      checkRemoteSource(*remote);
    }
    if (auto aggregation = node.as<AggregationNode>(); aggregation && aggregation->step() == AggregationNode::Step::kSingle) {
      checkSingleStep(*aggregation);
    }
    for (const auto& source : node.sources()) {
      checkNode(*source);
    }
  }

  void checkRemoteSource(const RemoteSourceNode& remote) {
    for (auto id : remote.sourceFragmentIds()) {
      if (id <= current_->id || id >= static_cast<int32_t>(plan_.fragments.size())) {
        problem("RemoteSource reads missing fragment " + std::to_string(id));
        continue;
      }
      const auto& source = plan_.fragments[static_cast<size_t>(id)];
      if (names(source.outputLayout) != names(remote.outputSymbols()) && remote.sourceFragmentIds().size() == 1) {
        problem("layout of fragment " + std::to_string(id) + " [" + names(source.outputLayout) +
            "] differs from RemoteSource [" + names(remote.outputSymbols()) + "]");
      }
      if (source.outputLayout.size() != remote.outputSymbols().size()) {
        problem("fragment " + std::to_string(id) + " outputs a different number of columns");
      }
    }
  }

  /// A single-step aggregation is fine over rows already partitioned on its keys (its source
  /// reads no REPARTITION of other keys) or with a DISTINCT / ORDER BY aggregate.
  void checkSingleStep(const AggregationNode& aggregation) {
    for (const auto& output : aggregation.aggregates()) {
      if (output.aggregate.distinct || !output.aggregate.orderBy.empty()) {
        return;
      }
    }
    const PlanNode* node = aggregation.source().get();
    while (node->sources().size() == 1) {
      node = node->source().get();
    }
    // A UNION ALL exchange (several sources) is needed to bring the inputs together anyway.
    if (auto remote = node->as<RemoteSourceNode>(); remote && remote->exchangeType() != ExchangeNode::Type::kReplicate &&
        remote->sourceFragmentIds().size() == 1) {
      problem("single-step aggregation directly over an exchange: " + aggregation.details());
    }
  }

  /// A fragment whose input is hashed on keys K must not send its output to be hashed again on
  /// keys including all of K (the rows are already where they belong).
  void checkRepartition(const PlanFragment& fragment) {
    if (fragment.output.kind != OutputPartitioning::Kind::kHash || fragment.partitioning != PlanFragment::Partitioning::kHash) {
      return;
    }
    if (unionInputs_.count(fragment.id) > 0) {
      return;  // A UNION ALL exchange is needed to bring the inputs together anyway.
    }
    auto outputKeys = namesOf(fragment.output.keys);
    for (auto id : fragment.sourceFragments) {
      const auto& source = plan_.fragments[static_cast<size_t>(id)];
      if (source.output.kind == OutputPartitioning::Kind::kHash && containsAll(outputKeys, namesOf(source.output.keys))) {
        problem("repartitions rows already hashed on [" + names(source.output.keys) + "]");
      }
    }
  }

  const DistributedPlan& plan_;
  const PlanFragment* current_ = nullptr;
  std::vector<std::string> problems_;
  std::set<int32_t> unionInputs_;
};

} // namespace

std::vector<std::string> fragmentProblems(const DistributedPlan& plan) {
  return FragmentChecker(plan).check();
}

} // namespace presto::sql::test
