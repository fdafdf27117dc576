#pragma once

#include <functional>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "exec/OutputBuffer.h"
#include "exec/plan/PlanNode.h"
#include "function/FunctionRegistry.h"
#include "sql/metadata/MetadataManager.h"
#include "sql/optimizer/PlanFragmenter.h"
#include "sql/planner/PlanNode.h"

namespace presto::engine {

/// A table scan of a physical plan and where its splits come from.
struct ScanSource {
  std::string planNodeId;
  connector::ConnectorPtr connector;
  connector::TableHandlePtr table;
  /// The key of the connector in PhysicalPlan::connectors (the catalog name).
  std::string catalog;
};

/// An exchange of a physical fragment and the fragments feeding it.
struct RemoteInput {
  std::string planNodeId;
  std::vector<int32_t> sourceFragments;
  /// Repartitioned and replicated exchanges: consumer task i reads buffer i of every producer
  /// task; gathered ones: buffer 0.
  bool bufferPerConsumer = false;
};

/// A plan fragment as its tasks execute it.
struct PhysicalFragment {
  int32_t id = 0;
  exec::PlanNodePtr root;
  int32_t taskCount = 1;
  /// How the tasks' output buffers spread rows over the consumer's tasks.
  exec::OutputBufferKind outputKind = exec::OutputBufferKind::kArbitrary;
  int32_t outputBuffers = 1;
  std::vector<int32_t> partitionChannels;
  /// Table scans, to be fed their table's splits (spread over the fragment's tasks).
  std::vector<ScanSource> scans;
  std::vector<RemoteInput> remoteInputs;
  /// Its plan takes constants (window frame offsets) projected in a producer fragment: it cannot
  /// be translated alone, so it runs where the whole plan was translated.
  bool usesOtherFragmentsConstants = false;
};

/// A distributed plan turned into the physical fragments tasks execute, with what running them
/// needs besides the plans.
struct PhysicalPlan {
  /// Indexed by fragment id.
  std::vector<PhysicalFragment> fragments;
  /// The fragment producing the result (one task, one output buffer).
  int32_t rootFragment = 0;
  std::vector<std::string> columnNames;
  std::vector<TypePtr> columnTypes;
  /// Connectors by the catalog key the physical scans and writers name.
  std::map<std::string, connector::ConnectorPtr> connectors;
  /// Undo actions for a write that fails (abort the insert, drop a table CREATE TABLE AS made).
  std::vector<std::function<void()>> onFailure;
  /// The logical fragments translated (what tasks on other nodes are sent).
  sql::DistributedPlan distributed;
};

/// Where a fragment's output goes, which the fragment alone does not say.
struct FragmentOutput {
  /// The fragment produces the query result: its root is the Output node, one buffer.
  bool isRoot = false;
  /// Tasks reading the fragment's output: the number of output buffers of each of its tasks.
  int32_t consumerTasks = 1;
};

/// Translates the fragments of a distributed logical plan (symbols) into the channel-based
/// physical plans of the execution engine: each logical node becomes the physical node(s)
/// computing it, symbols become input channels, remote sources become exchanges, single-step
/// aggregations are split into partial and final steps around a local repartition, and writes
/// begin their insert (and create their table) through the connector. Logical nodes the optimizer
/// removes (Apply, LateralJoin, Intersect, Except) are NOT_SUPPORTED here.
class PlanTranslator {
 public:
  PlanTranslator(const sql::MetadataManager& metadata, const FunctionRegistry& functions)
      : metadata_(metadata), functions_(functions) {}

  PhysicalPlan translate(const sql::DistributedPlan& plan);

  /// Translates one fragment on its own, as a worker does with the fragment of a task update:
  /// returns a plan of just this fragment (`fragments[0]`, whatever its id, with one task) and
  /// the connectors its scans name. What only the other fragments tell is unknown here: a window
  /// frame offset projected in another fragment fails NOT_SUPPORTED, and a TableCommit does not
  /// find the insert of a TableWriter translated elsewhere.
  PhysicalPlan translateFragment(const sql::PlanFragment& fragment, const FragmentOutput& output);

 private:
  /// A translated subtree: the physical node and the symbol each of its output channels carries.
  struct Translated {
    exec::PlanNodePtr node;
    std::vector<sql::Symbol> layout;

    int32_t channel(const sql::Symbol& symbol) const;
  };

  PhysicalFragment translateOne(const sql::PlanFragment& fragment, int32_t taskCount, const FragmentOutput& output);
  Translated visit(const sql::PlanNodePtr& node);
  Translated visitOutput(const sql::PlanNode& node);
  Translated visitRemoteSource(const sql::PlanNode& node);
  Translated visitTableScan(const sql::PlanNode& node);
  Translated visitValues(const sql::PlanNode& node);
  Translated visitFilterProject(const sql::PlanNode& node);
  Translated visitAggregation(const sql::PlanNode& node);
  Translated visitJoin(const sql::PlanNode& node);
  Translated visitSemiJoin(const sql::PlanNode& node);
  Translated visitWindow(const sql::PlanNode& node);
  Translated visitUnion(const sql::PlanNode& node);
  Translated visitUnnest(const sql::PlanNode& node);
  Translated visitGroupId(const sql::PlanNode& node);
  Translated visitTableWriter(const sql::PlanNode& node);
  Translated visitTableFinish(const sql::PlanNode& node);
  /// Sort, TopN, Limit, Offset, EnforceSingleRow, MarkDistinct: nodes that keep their source's
  /// layout (plus a marker column).
  Translated visitRowNode(const sql::PlanNode& node);

  /// `expression` with its symbols replaced by the channels of `layout`.
  RowExpressionPtr toChannels(const RowExpressionPtr& expression, const Translated& input) const;
  /// A node producing exactly `symbols` in this order from `input` (input itself if it does).
  Translated restrict(const Translated& input, const std::vector<sql::Symbol>& symbols, const std::string& id);
  std::vector<int32_t> channels(const Translated& input, const std::vector<sql::Symbol>& symbols) const;
  std::vector<exec::SortKey> sortKeys(const Translated& input, const std::vector<sql::SortKey>& keys) const;
  /// The constant assigned to `symbol` by a projection seen so far (frame offsets, lag offsets);
  /// one of another fragment marks this fragment PhysicalFragment::usesOtherFragmentsConstants.
  std::optional<Value> constantOf(const RowExpressionPtr& expression);
  std::string nextId(const sql::PlanNode& node, const std::string& suffix);

  const sql::MetadataManager& metadata_;
  const FunctionRegistry& functions_;
  PhysicalPlan plan_;
  /// The fragment being translated.
  PhysicalFragment fragment_;
  /// Constants by the symbol projecting them, with the id of the fragment projecting them.
  std::unordered_map<std::string, std::pair<RowExpressionPtr, int32_t>> constants_;
  /// The insert the plan's TableWriter writes under, for its TableCommit.
  std::pair<connector::ConnectorPtr, connector::InsertTableHandlePtr> insertHandle_;
  int32_t extraIds_ = 0;
};

} // namespace presto::engine
