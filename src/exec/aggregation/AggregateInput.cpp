#include "exec/aggregation/AggregateInput.h"

#include "common/Check.h"
#include "vector/DecodedVector.h"

namespace presto::exec {

void placeAccumulator(Aggregate& aggregate, const RowContainer& rows, int32_t index) {
  int32_t nullBit = rows.accumulatorNullBit(index);
  aggregate.setOffsets(
      rows.accumulatorOffset(index), rows.nullOffset() + nullBit / 8, static_cast<uint8_t>(1 << (nullBit % 8)));
}

void selectMaskedRows(const Page& input, int32_t mask, SelectivityVector& rows) {
  rows.resize(input.numRows());
  rows.setAll();
  DecodedVector decoded(*input.column(static_cast<size_t>(mask)));
  for (vector_size_t row = 0; row < input.numRows(); ++row) {
    if (decoded.isNullAt(row) || !decoded.valueAt<bool>(row)) {
      rows.setValid(row, false);
    }
  }
  rows.updateBounds();
}

void addAggregateInput(Aggregate& aggregate, const std::vector<int32_t>& inputs, bool rawInput, char** groups,
    const SelectivityVector& rows, const Page& input) {
  if (rawInput) {
    std::vector<VectorPtr> arguments;
    for (auto channel : inputs) {
      arguments.push_back(input.column(static_cast<size_t>(channel)));
    }
    aggregate.addRawInput(groups, rows, arguments);
    return;
  }
  PRESTO_CHECK(inputs.size() == 1, "an intermediate aggregate reads one column");
  aggregate.addIntermediate(groups, rows, input.column(static_cast<size_t>(inputs[0])));
}

VectorPtr aggregateOutput(Aggregate& aggregate, char** groups, vector_size_t numGroups, bool finalOutput) {
  VectorPtr result;
  if (finalOutput) {
    aggregate.extractValues(groups, numGroups, result);
  } else {
    aggregate.extractAccumulators(groups, numGroups, result);
  }
  return result;
}

} // namespace presto::exec
