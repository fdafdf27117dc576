#pragma once

#include "exec/plan/PlanNode.h"

namespace presto::exec {

/// The first `count` rows (in arrival order). Once satisfied, upstream work stops.
class LimitNode : public SingleSourceNode {
 public:
  LimitNode(std::string id, PlanNodePtr source, int64_t count)
      : SingleSourceNode(id, source->outputType(), source), count_(count) {}
  std::string_view name() const override { return "Limit"; }
  int64_t count() const { return count_; }

 private:
  const int64_t count_;
};

/// Drops the first `count` rows.
class OffsetNode : public SingleSourceNode {
 public:
  OffsetNode(std::string id, PlanNodePtr source, int64_t count)
      : SingleSourceNode(id, source->outputType(), source), count_(count) {}
  std::string_view name() const override { return "Offset"; }
  int64_t count() const { return count_; }

 private:
  const int64_t count_;
};

/// Passes exactly one row: a NULL row for empty input, SUBQUERY_MULTIPLE_ROWS for more than one.
class EnforceSingleRowNode : public SingleSourceNode {
 public:
  EnforceSingleRowNode(std::string id, PlanNodePtr source) : SingleSourceNode(id, source->outputType(), source) {}
  std::string_view name() const override { return "EnforceSingleRow"; }
};

/// Appends a bigint that is unique across the query: task unique id in the high bits, a
/// per-driver counter below.
class AssignUniqueIdNode : public SingleSourceNode {
 public:
  AssignUniqueIdNode(std::string id, PlanNodePtr source, std::string idName, int32_t taskUniqueId)
      : SingleSourceNode(id, appendColumns(*source, {std::move(idName)}, {BIGINT()}), source),
        taskUniqueId_(taskUniqueId) {}
  std::string_view name() const override { return "AssignUniqueId"; }
  int32_t taskUniqueId() const { return taskUniqueId_; }

 private:
  const int32_t taskUniqueId_;
};

/// Expands arrays (one column: the element; a row-typed element stays one column) and maps (two
/// columns: key and value) into rows, replicating `replicated` columns; several unnest columns are
/// zipped (shorter ones padded with NULL); optional ordinality (bigint, from 1).
class UnnestNode : public SingleSourceNode {
 public:
  UnnestNode(std::string id, PlanNodePtr source, std::vector<int32_t> replicated, std::vector<int32_t> unnested,
      bool withOrdinality);
  std::string_view name() const override { return "Unnest"; }
  const std::vector<int32_t>& replicated() const { return replicated_; }
  const std::vector<int32_t>& unnested() const { return unnested_; }
  bool withOrdinality() const { return withOrdinality_; }

 private:
  const std::vector<int32_t> replicated_;
  const std::vector<int32_t> unnested_;
  const bool withOrdinality_;
};

/// How a local exchange distributes pages among the drivers of the consuming pipeline.
enum class LocalExchangeKind {
  /// Everything to one consumer (a single-driver pipeline).
  kGather,
  /// By hash of `keys` (so each consumer sees whole groups).
  kRepartition,
  /// Pages handed out round robin.
  kRoundRobin,
};

/// Joins pipelines inside a task: each source runs as its own pipeline(s) and writes to the
/// exchange; the consuming pipeline reads from it. With several sources it is a UNION ALL (all
/// sources must have the same column types; the output uses the first source's names).
class LocalExchangeNode : public PlanNode {
 public:
  LocalExchangeNode(std::string id, LocalExchangeKind kind, std::vector<int32_t> keys, std::vector<PlanNodePtr> sources);
  std::string_view name() const override { return "LocalExchange"; }
  const std::vector<PlanNodePtr>& sources() const override { return sources_; }
  LocalExchangeKind kind() const { return kind_; }
  const std::vector<int32_t>& keys() const { return keys_; }

 private:
  const LocalExchangeKind kind_;
  const std::vector<int32_t> keys_;
  const std::vector<PlanNodePtr> sources_;
};

} // namespace presto::exec
