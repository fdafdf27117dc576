#include "connector/tpch/RandomStream.h"

#include "common/Check.h"

namespace presto::tpch {

int64_t advanceFactor(int64_t steps) {
  PRESTO_DCHECK(steps >= 0, "negative skip {}", steps);
  int64_t factor = 1;
  int64_t power = kRandomMultiplier;
  while (steps > 0) {
    if (steps & 1) {
      factor = multiplyModulo(factor, power);
    }
    steps >>= 1;
    power = multiplyModulo(power, power);
  }
  return factor;
}

RowStream::RowStream(int64_t seed, int64_t drawsPerRow)
    : seed_(seed),
      drawsPerRow_(drawsPerRow),
      rowFactor_(advanceFactor(drawsPerRow)),
      rowState_(seed) {}

void RowStream::seek(int64_t row) {
  PRESTO_CHECK(row >= 0, "negative row {}", row);
  rowState_ = multiplyModulo(seed_, advanceFactor(row * drawsPerRow_));
}

} // namespace presto::tpch
