#pragma once

#include <cstdint>
#include <vector>

#include "exec/RowContainer.h"
#include "exec/aggregation/Aggregate.h"
#include "vector/Page.h"
#include "vector/SelectivityVector.h"

namespace presto::exec {

/// Points `aggregate` at accumulator `index` of the rows of `rows` (its offset and null bit).
void placeAccumulator(Aggregate& aggregate, const RowContainer& rows, int32_t index);

/// Sets `rows` to the rows of `input` whose boolean column `mask` is true (a FILTER clause).
void selectMaskedRows(const Page& input, int32_t mask, SelectivityVector& rows);

/// Feeds `rows` of `input` to `aggregate`, row r into the accumulator at `groups[r]`: raw input
/// read from the `inputs` columns, or (`rawInput` false) the one column of partial states an
/// intermediate or final step merges.
void addAggregateInput(Aggregate& aggregate, const std::vector<int32_t>& inputs, bool rawInput, char** groups,
    const SelectivityVector& rows, const Page& input);
/// The output column of `aggregate` for `numGroups` accumulators: final values, or (`finalOutput`
/// false) the partial states an intermediate or final step merges.
VectorPtr aggregateOutput(Aggregate& aggregate, char** groups, vector_size_t numGroups, bool finalOutput);

} // namespace presto::exec
