#pragma once

#include "connector/spi/ConnectorSplitManager.h"
#include "connector/tpch/TpchConnector.h"

namespace presto::tpch {

/// Cuts a table into `splitsPerNode` x nodes equal row ranges (nation and region: one split),
/// handed out lazily.
class TpchSplitManager : public connector::ConnectorSplitManager {
 public:
  explicit TpchSplitManager(const TpchConfig& config) : config_(config) {}
  std::unique_ptr<connector::SplitSource> getSplits(
      const connector::TableHandlePtr& table, const connector::SplitContext& context) override;

 private:
  const TpchConfig& config_;
};

} // namespace presto::tpch
