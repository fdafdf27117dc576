#pragma once

#include "connector/memory/MemoryStore.h"
#include "connector/spi/ConnectorPageSource.h"
#include "connector/spi/ConnectorSplitManager.h"

namespace presto::memory {

/// Splits a table's pages on this node into up to `splitsPerNode` parts.
class MemorySplitManager : public connector::ConnectorSplitManager {
 public:
  MemorySplitManager(std::string nodeId, int32_t splitsPerNode) : nodeId_(std::move(nodeId)), splitsPerNode_(splitsPerNode) {}
  std::unique_ptr<connector::SplitSource> getSplits(
      const connector::TableHandlePtr& table, const connector::SplitContext& context) override;

 private:
  std::string nodeId_;
  int32_t splitsPerNode_;
};

/// Reads committed pages (a snapshot taken when the source is created) and projects the columns.
class MemoryPageSourceProvider : public connector::ConnectorPageSourceProvider {
 public:
  explicit MemoryPageSourceProvider(MemoryStore& store) : store_(store) {}
  std::unique_ptr<connector::ConnectorPageSource> createPageSource(const connector::ConnectorSplitPtr& split,
      const connector::TableHandlePtr& table, const std::vector<connector::ColumnHandlePtr>& columns,
      const connector::TupleDomain& filter) override;

 private:
  MemoryStore& store_;
};

/// Page sinks that stage pages in the store until the insert commits.
class MemoryPageSinkProvider : public connector::ConnectorPageSinkProvider {
 public:
  explicit MemoryPageSinkProvider(MemoryStore& store) : store_(store) {}
  std::unique_ptr<connector::ConnectorPageSink> createPageSink(const connector::InsertTableHandlePtr& insert) override;

 private:
  MemoryStore& store_;
};

} // namespace presto::memory
