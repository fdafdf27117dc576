#pragma once

#include <memory>
#include <vector>

#include "function/VectorFunction.h"

namespace presto {

/// An aggregate function over groups whose state (accumulator) lives in memory the caller owns: a
/// fixed number of bytes per group, e.g. a slot of a hash table row. Execution runs in steps as in
/// Presto:
///  - partial: `addInput` raw rows, then `extractIntermediate` (a serializable vector, e.g. sum and
///    count for avg) to ship over an exchange;
///  - final: `addIntermediate` those vectors from many partial aggregations, then `extractFinal`;
///  - single: `addInput` then `extractFinal`.
/// An implementation is immutable and may be shared; all state is in the accumulators.
class AggregateFunction {
 public:
  AggregateFunction(TypePtr intermediateType, TypePtr resultType)
      : intermediateType_(std::move(intermediateType)), resultType_(std::move(resultType)) {}
  virtual ~AggregateFunction() = default;

  const TypePtr& intermediateType() const { return intermediateType_; }
  const TypePtr& resultType() const { return resultType_; }

  /// Bytes of one accumulator (aligned to 16).
  virtual size_t accumulatorSize() const = 0;
  /// Sets up empty accumulators.
  virtual void initialize(char* const* groups, size_t numGroups) const = 0;
  /// Releases what accumulators own (strings); the memory itself belongs to the caller.
  virtual void destroy(char* const* groups, size_t numGroups) const {}

  /// Adds the selected rows: row r goes to accumulator groups[r].
  virtual void addInput(char* const* groups, const SelectivityVector& rows, const std::vector<VectorPtr>& args) const = 0;
  /// Merges intermediate results: row r is merged into groups[r].
  virtual void addIntermediate(char* const* groups, const SelectivityVector& rows, const VectorPtr& intermediate) const = 0;

  /// One row per accumulator.
  virtual VectorPtr extractIntermediate(char* const* groups, size_t numGroups) const = 0;
  virtual VectorPtr extractFinal(char* const* groups, size_t numGroups) const = 0;

 private:
  const TypePtr intermediateType_;
  const TypePtr resultType_;
};

} // namespace presto
