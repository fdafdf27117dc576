#include "connector/tpch/TpchSplitManager.h"

#include <algorithm>

namespace presto::tpch {
namespace {

/// Produces split i of n on demand, so millions of splits never sit in memory at once.
class TpchSplitSource : public connector::SplitSource {
 public:
  TpchSplitSource(TpchTable table, double scaleFactor, int32_t totalParts)
      : table_(table), scaleFactor_(scaleFactor), totalParts_(totalParts) {}

  std::vector<connector::ConnectorSplitPtr> getNextBatch(size_t maxSize) override {
    std::vector<connector::ConnectorSplitPtr> batch;
    while (batch.size() < maxSize && next_ < totalParts_) {
      batch.push_back(std::make_shared<TpchSplit>(table_, scaleFactor_, next_++, totalParts_));
    }
    return batch;
  }

  bool isFinished() const override { return next_ >= totalParts_; }

 private:
  TpchTable table_;
  double scaleFactor_;
  int32_t totalParts_;
  int32_t next_ = 0;
};

} // namespace

std::unique_ptr<connector::SplitSource> TpchSplitManager::getSplits(
    const connector::TableHandlePtr& table, const connector::SplitContext& context) {
  const auto& handle = dynamic_cast<const TpchTableHandle&>(*table);
  bool tiny = handle.table() == TpchTable::kNation || handle.table() == TpchTable::kRegion;
  int32_t nodes = std::max<int32_t>(1, static_cast<int32_t>(context.nodes.size()));
  int32_t parts = tiny ? 1 : std::max(1, config_.splitsPerNode) * nodes;
  return std::make_unique<TpchSplitSource>(handle.table(), handle.scaleFactor(), parts);
}

} // namespace presto::tpch
