#include "sql/optimizer/PlanFragmenter.h"

#include "common/Check.h"
#include "sql/optimizer/CoordinatorTables.h"
#include "sql/optimizer/ReplaceSources.h"
#include "sql/planner/RemoteSourceNode.h"
#include "sql/planner/TableWriterNode.h"

namespace presto::sql {
namespace {

/// What a fragment's nodes tell about how it must be run.
struct FragmentContents {
  bool coordinatorOnly = false;
  bool tableScan = false;
  bool hashedInput = false;
};

void inspect(const PlanNode& node, FragmentContents& contents) {
  if (auto scan = node.as<TableScanNode>()) {
    (readsCoordinatorTable(*scan) ? contents.coordinatorOnly : contents.tableScan) = true;
  }
  if (node.as<TableFinishNode>()) {
    contents.coordinatorOnly = true;
  }
  if (auto remote = node.as<RemoteSourceNode>(); remote && remote->exchangeType() == ExchangeNode::Type::kRepartition) {
    contents.hashedInput = true;
  }
  for (const auto& source : node.sources()) {
    inspect(*source, contents);
  }
}

PlanFragment::Partitioning partitioningOf(const PlanNode& root) {
  FragmentContents contents;
  inspect(root, contents);
  PRESTO_CHECK(!(contents.tableScan && (contents.hashedInput || contents.coordinatorOnly)),
      "A fragment reads a table scan's splits and hashed or coordinator input");
  if (contents.coordinatorOnly) {
    return PlanFragment::Partitioning::kCoordinatorOnly;
  }
  if (contents.tableScan) {
    return PlanFragment::Partitioning::kSource;
  }
  return contents.hashedInput ? PlanFragment::Partitioning::kHash : PlanFragment::Partitioning::kSingle;
}

/// The output partitioning of source `source` of `exchange`, in that source's symbols.
OutputPartitioning outputOf(const ExchangeNode& exchange, size_t source) {
  switch (exchange.type()) {
    case ExchangeNode::Type::kGather: return {OutputPartitioning::Kind::kGather, {}};
    case ExchangeNode::Type::kReplicate: return {OutputPartitioning::Kind::kBroadcast, {}};
    case ExchangeNode::Type::kRepartition: break;
  }
  std::vector<Symbol> keys;
  for (const auto& key : exchange.partitionKeys()) {
    for (size_t i = 0; i < exchange.outputSymbols().size(); ++i) {
      if (sameSymbol(exchange.outputSymbols()[i], key)) {
        keys.push_back(exchange.inputs()[source][i]);
      }
    }
  }
  return {OutputPartitioning::Kind::kHash, std::move(keys)};
}

class Fragmenter {
 public:
  DistributedPlan fragment(const PlanNodePtr& plan) {
    addFragment(plan, OutputPartitioning{});
    DistributedPlan result;
    result.fragments = std::move(fragments_);
    result.hashPartitionCount = hashPartitionCount_;
    return result;
  }

 private:
  int32_t addFragment(const PlanNodePtr& root, OutputPartitioning output) {
    auto id = static_cast<int32_t>(fragments_.size());
    fragments_.emplace_back();
    std::vector<int32_t> sources;
    auto cutRoot = cut(root, sources);
    auto& fragment = fragments_[static_cast<size_t>(id)];
    fragment.id = id;
    fragment.root = cutRoot;
    fragment.partitioning = partitioningOf(*cutRoot);
    fragment.output = std::move(output);
    fragment.outputLayout = cutRoot->outputSymbols();
    fragment.sourceFragments = std::move(sources);
    return id;
  }

  PlanNodePtr cut(const PlanNodePtr& node, std::vector<int32_t>& sourceFragments) {
    auto exchange = node->as<ExchangeNode>();
    if (!exchange) {
      return rewriteSources(node, [&](const PlanNodePtr& source) { return cut(source, sourceFragments); });
    }
    if (exchange->type() == ExchangeNode::Type::kRepartition) {
      hashPartitionCount_ = exchange->partitionCount();
    }
    std::vector<int32_t> ids;
    for (size_t i = 0; i < exchange->sources().size(); ++i) {
      PRESTO_CHECK(exchange->sources()[i]->outputSymbols().size() == exchange->inputs()[i].size(),
          "Exchange source {} does not output the exchange's inputs", i);
      ids.push_back(addFragment(exchange->sources()[i], outputOf(*exchange, i)));
    }
    sourceFragments.insert(sourceFragments.end(), ids.begin(), ids.end());
    return std::make_shared<RemoteSourceNode>(exchange->id(), std::move(ids), exchange->outputSymbols(), exchange->type());
  }

  std::vector<PlanFragment> fragments_;
  int32_t hashPartitionCount_ = 1;
};

} // namespace

std::string OutputPartitioning::toString() const {
  switch (kind) {
    case Kind::kGather: return "SINGLE []";
    case Kind::kHash: return "HASH [" + symbolNames(keys) + "]";
    case Kind::kBroadcast: return "BROADCAST []";
  }
  return {};
}

std::string partitioningName(PlanFragment::Partitioning partitioning) {
  switch (partitioning) {
    case PlanFragment::Partitioning::kSource: return "SOURCE";
    case PlanFragment::Partitioning::kHash: return "HASH";
    case PlanFragment::Partitioning::kSingle: return "SINGLE";
    case PlanFragment::Partitioning::kCoordinatorOnly: return "COORDINATOR_ONLY";
  }
  return {};
}

DistributedPlan fragmentPlan(const PlanNodePtr& planWithExchanges) {
  return Fragmenter().fragment(planWithExchanges);
}

} // namespace presto::sql
