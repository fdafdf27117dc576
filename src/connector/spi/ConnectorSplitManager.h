#pragma once

#include <memory>
#include <vector>

#include "connector/spi/ConnectorHandles.h"

namespace presto::connector {

/// Enumerates the splits of a table lazily, in batches, so that a huge table never materializes
/// its whole split list. Used by one scheduler thread at a time.
class SplitSource {
 public:
  virtual ~SplitSource() = default;
  /// Up to `maxSize` more splits (fewer, possibly none, if not available yet).
  virtual std::vector<ConnectorSplitPtr> getNextBatch(size_t maxSize) = 0;
  /// True once every split has been returned.
  virtual bool isFinished() const = 0;
};

/// Facts about the cluster a split source may use to size its splits.
struct SplitContext {
  /// Nodes that will run tasks for the table scan (node ids).
  std::vector<std::string> nodes;
};

/// Data-location part of the Connector API.
class ConnectorSplitManager {
 public:
  virtual ~ConnectorSplitManager() = default;
  virtual std::unique_ptr<SplitSource> getSplits(const TableHandlePtr& table, const SplitContext& context) = 0;
};

/// A split source over a list computed up front (for small tables and tests).
class FixedSplitSource : public SplitSource {
 public:
  explicit FixedSplitSource(std::vector<ConnectorSplitPtr> splits) : splits_(std::move(splits)) {}
  std::vector<ConnectorSplitPtr> getNextBatch(size_t maxSize) override;
  bool isFinished() const override { return next_ >= splits_.size(); }

 private:
  std::vector<ConnectorSplitPtr> splits_;
  size_t next_ = 0;
};

} // namespace presto::connector
