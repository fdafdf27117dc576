#pragma once

#include <memory>

#include "exec/aggregation/Aggregate.h"

namespace presto {
class FunctionRegistry;
}

namespace presto::exec {

/// Resolves aggregate calls against the function registry (the function module's
/// `AggregateFunction`s) and adapts them to the operator's Aggregate interface: the registry's
/// functions see accumulator pointers, the operator hands out group rows.
class RegistryAggregateResolver : public AggregateResolver {
 public:
  explicit RegistryAggregateResolver(std::shared_ptr<const FunctionRegistry> registry)
      : registry_(std::move(registry)) {}

  std::unique_ptr<Aggregate> create(const AggregateCall& call, AggregationStep step) const override;

 private:
  const std::shared_ptr<const FunctionRegistry> registry_;
};

} // namespace presto::exec
