#include "connector/spi/ConnectorSplitManager.h"

#include <algorithm>

namespace presto::connector {

std::vector<ConnectorSplitPtr> FixedSplitSource::getNextBatch(size_t maxSize) {
  size_t end = std::min(splits_.size(), next_ + maxSize);
  std::vector<ConnectorSplitPtr> batch(splits_.begin() + static_cast<std::ptrdiff_t>(next_),
      splits_.begin() + static_cast<std::ptrdiff_t>(end));
  next_ = end;
  return batch;
}

} // namespace presto::connector
