#pragma once

#include <memory>

#include "exec/aggregation/Aggregate.h"

namespace presto::exec::test {

/// count, count(*), sum, min, max, avg over integers and doubles (and min/max over varchar),
/// written independently of the function module so that operator tests do not depend on it.
std::shared_ptr<const AggregateResolver> testAggregates();

} // namespace presto::exec::test
