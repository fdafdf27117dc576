#pragma once

#include "function/aggregate/AggregateFunction.h"

namespace presto {

/// Base of aggregates whose state has a variable size (sketches, value lists): the accumulator is
/// a pointer to a heap-allocated State, nullptr until the group sees its first value, and freed in
/// destroy().
template <typename State>
class HeapStateAggregate : public AggregateFunction {
 public:
  using AggregateFunction::AggregateFunction;

  size_t accumulatorSize() const override { return sizeof(State*); }

  void initialize(char* const* groups, size_t numGroups) const override {
    for (size_t i = 0; i < numGroups; ++i) slot(groups[i]) = nullptr;
  }

  void destroy(char* const* groups, size_t numGroups) const override {
    for (size_t i = 0; i < numGroups; ++i) {
      delete slot(groups[i]);
      slot(groups[i]) = nullptr;
    }
  }

 protected:
  static State*& slot(char* group) { return *reinterpret_cast<State**>(group); }
  static const State* stateOf(char* group) { return *reinterpret_cast<State* const*>(group); }
};

} // namespace presto
