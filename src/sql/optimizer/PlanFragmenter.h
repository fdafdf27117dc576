#pragma once

#include "sql/planner/PlanNode.h"

namespace presto::sql {

/// How a fragment's output pages are spread over the tasks of the fragment consuming them.
struct OutputPartitioning {
  enum class Kind {
    /// Every page to the consumer's single task (and the root fragment's pages to the client).
    kGather,
    /// Row r to consumer task `hash(keys of r) % hashPartitionCount`.
    kHash,
    /// Every page to every consumer task.
    kBroadcast,
  };

  Kind kind = Kind::kGather;
  /// kHash only: symbols of the fragment's outputLayout, in hashing order.
  std::vector<Symbol> keys;

  /// `SINGLE []`, `HASH [a, b]` or `BROADCAST []`.
  std::string toString() const;
};

/// A piece of a distributed plan run by a set of tasks: a plan whose leaves are TableScan, Values
/// and RemoteSourceNode, with how its tasks are created and how they send their output on.
struct PlanFragment {
  /// How many tasks run the fragment and where:
  enum class Partitioning {
    /// One task per node, fed the splits of the fragment's (one) table scan.
    kSource,
    /// DistributedPlan::hashPartitionCount tasks; task i reads partition i of its REPARTITION
    /// inputs.
    kHash,
    /// One task.
    kSingle,
    /// One task on the coordinator (commits writes, reads coordinator metadata).
    kCoordinatorOnly,
  };

  int32_t id = 0;
  PlanNodePtr root;
  Partitioning partitioning = Partitioning::kSingle;
  OutputPartitioning output;
  /// The symbols of the fragment's output pages, in channel order: the root's output symbols.
  std::vector<Symbol> outputLayout;
  /// The fragments its RemoteSourceNodes read, in plan order.
  std::vector<int32_t> sourceFragments;
};

/// `SOURCE`, `HASH`, `SINGLE` or `COORDINATOR_ONLY`.
std::string partitioningName(PlanFragment::Partitioning partitioning);

/// A plan cut into fragments connected by exchanges.
struct DistributedPlan {
  /// Indexed by fragment id.
  std::vector<PlanFragment> fragments;
  /// The fragment producing the query result (id 0).
  int32_t rootFragment = 0;
  /// Tasks of kHash fragments (the REPARTITION exchanges' partition count; 1 without any).
  int32_t hashPartitionCount = 1;
};

/// Cuts a plan with remote exchanges (addExchanges' result) at each ExchangeNode: every source of
/// an exchange becomes a fragment whose output layout is that source's input symbols of the
/// exchange, and the exchange becomes a RemoteSourceNode (same id, the exchange's output
/// symbols) naming those fragments. Fragments are numbered in pre-order from the root (0).
DistributedPlan fragmentPlan(const PlanNodePtr& planWithExchanges);

} // namespace presto::sql
