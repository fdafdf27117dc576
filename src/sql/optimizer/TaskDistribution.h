#pragma once

#include "sql/planner/PlanNode.h"

namespace presto::sql {

/// How the rows of a plan subtree are spread over the tasks running it, or, as a requirement,
/// how a node needs its input spread:
///  - kArbitrary: any way (a table scan's splits spread over tasks); as a requirement, none;
///  - kHashed: rows agreeing on the keys are in the same task (hash-partitioned on them);
///  - kSingle: all rows in one task.
struct TaskDistribution {
  enum class Kind { kArbitrary, kHashed, kSingle };

  Kind kind = Kind::kArbitrary;
  /// kHashed only: the partitioning symbols in hashing order. After an inner join on a = b, rows
  /// hashed on [a] are also hashed on [b]: each list here is one such equivalent partitioning,
  /// the first one being the one the exchange hashed.
  std::vector<std::vector<Symbol>> keySets;

  static TaskDistribution arbitrary() { return {}; }
  static TaskDistribution single() { return {Kind::kSingle, {}}; }
  static TaskDistribution hashed(std::vector<Symbol> keys) { return {Kind::kHashed, {std::move(keys)}}; }
  /// Single when there are no keys (a global aggregation, a window without PARTITION BY).
  static TaskDistribution groupedBy(std::vector<Symbol> keys) {
    return keys.empty() ? single() : hashed(std::move(keys));
  }

  bool isSingle() const { return kind == Kind::kSingle; }
  bool isHashed() const { return kind == Kind::kHashed; }
  /// The keys an exchange delivering this distribution hashes on.
  /// REQUIRES: isHashed().
  const std::vector<Symbol>& keys() const { return keySets.front(); }

  /// Whether rows distributed like this meet `required`: a single task meets everything; rows
  /// hashed on keys K are grouped by any superset of K.
  bool satisfies(const TaskDistribution& required) const;
  /// This distribution seen above a node outputting `symbols`: hashing on a key the node does
  /// not output says nothing any more (kArbitrary when no key set is left).
  TaskDistribution restrictedTo(const std::vector<Symbol>& symbols) const;
};

} // namespace presto::sql
