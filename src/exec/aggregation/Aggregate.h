#pragma once

#include <memory>
#include <vector>

#include "exec/plan/AggregationNodes.h"
#include "vector/SelectivityVector.h"

namespace presto::exec {

/// The execution-side contract of an aggregate function: an accumulator of fixed size inside each
/// group row of a RowContainer (the aggregation operator owns the rows; the aggregate only knows
/// its offset and null bit in them). Inputs arrive a vector at a time with the group row of each
/// input row, so implementations loop over arrays without per-row virtual calls.
///
/// Accumulators are plain bytes in the row (heap state, if any, is freed in destroy()), so group
/// rows can later be spilled and merged back through extractAccumulators/addIntermediate.
class Aggregate {
 public:
  explicit Aggregate(TypePtr resultType) : resultType_(std::move(resultType)) {}
  virtual ~Aggregate() = default;

  Aggregate(const Aggregate&) = delete;
  Aggregate& operator=(const Aggregate&) = delete;

  const TypePtr& resultType() const { return resultType_; }
  virtual int32_t accumulatorSize() const = 0;
  virtual int32_t accumulatorAlignment() const { return 8; }

  /// Where the accumulator and its null bit ("no input yet") live in a group row.
  void setOffsets(int32_t offset, int32_t nullByte, uint8_t nullMask) {
    offset_ = offset;
    nullByte_ = nullByte;
    nullMask_ = nullMask;
  }

  /// Initializes the accumulators of groups[index] for each index.
  virtual void initializeNewGroups(char** groups, const std::vector<vector_size_t>& indices) = 0;
  /// Accumulates raw arguments: row r of `arguments` goes to groups[r], for selected rows.
  virtual void addRawInput(char** groups, const SelectivityVector& rows, const std::vector<VectorPtr>& arguments) = 0;
  /// Merges intermediate states (as produced by extractAccumulators).
  virtual void addIntermediate(char** groups, const SelectivityVector& rows, const VectorPtr& intermediate) = 0;
  /// Final values of `numGroups` groups.
  virtual void extractValues(char** groups, vector_size_t numGroups, VectorPtr& result) = 0;
  /// Intermediate states of `numGroups` groups.
  virtual void extractAccumulators(char** groups, vector_size_t numGroups, VectorPtr& result) = 0;
  /// Frees heap memory held by accumulators.
  virtual void destroy(char** groups, vector_size_t numGroups) {}

 protected:
  template <typename T>
  T* accumulator(char* group) const {
    return reinterpret_cast<T*>(group + offset_);
  }
  bool isNull(const char* group) const { return (group[nullByte_] & nullMask_) != 0; }
  void setNull(char* group) const { group[nullByte_] = static_cast<char>(group[nullByte_] | nullMask_); }
  void clearNull(char* group) const { group[nullByte_] = static_cast<char>(group[nullByte_] & ~nullMask_); }

  const TypePtr resultType_;
  int32_t offset_ = 0;
  int32_t nullByte_ = 0;
  uint8_t nullMask_ = 0;
};

/// Finds the implementation of an aggregate call (the function module's registry adapts to
/// this; tests provide their own).
class AggregateResolver {
 public:
  virtual ~AggregateResolver() = default;
  /// An implementation for `call` at `step` (the step says whether inputs are raw or
  /// intermediate and whether the output is final or intermediate).
  virtual std::unique_ptr<Aggregate> create(const AggregateCall& call, AggregationStep step) const = 0;
};

} // namespace presto::exec
