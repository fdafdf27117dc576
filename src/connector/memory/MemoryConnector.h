#pragma once

#include "connector/memory/MemoryDataAccess.h"
#include "connector/memory/MemoryHandles.h"
#include "connector/memory/MemoryMetadata.h"
#include "connector/spi/Connector.h"

namespace presto::memory {

/// Settings of one memory catalog.
struct MemoryConfig {
  /// `memory.max-data-per-node`: bytes of table data this node may hold.
  int64_t maxDataPerNode = 128 << 20;
  /// `memory.splits-per-node`.
  int32_t splitsPerNode = 4;
};

/// Tables in the memory of the node that wrote them, as Presto's memory connector: CREATE
/// SCHEMA/TABLE, CTAS, INSERT (atomic), DROP, DELETE of whole tables, row-count statistics.
class MemoryConnector : public connector::Connector {
 public:
  MemoryConnector(const std::string& catalogName, MemoryConfig config, const connector::ConnectorContext& context);

  connector::ConnectorMetadata& metadata() override { return metadata_; }
  connector::ConnectorSplitManager& splitManager() override { return splitManager_; }
  connector::ConnectorPageSourceProvider& pageSourceProvider() override { return pageSources_; }
  connector::ConnectorPageSinkProvider& pageSinkProvider() override { return pageSinks_; }
  const connector::HandleCodec& handleCodec() const override { return codec_; }

 private:
  MemoryStore store_;
  MemoryMetadata metadata_;
  MemorySplitManager splitManager_;
  MemoryPageSourceProvider pageSources_;
  MemoryPageSinkProvider pageSinks_;
  MemoryHandleCodec codec_;
};

/// `connector.name=memory`; properties `memory.max-data-per-node` and `memory.splits-per-node`.
class MemoryConnectorFactory : public connector::ConnectorFactory {
 public:
  std::string name() const override { return "memory"; }
  connector::ConnectorPtr create(
      const std::string& catalogName, ConfigReader& properties, const connector::ConnectorContext& context) override;
};

} // namespace presto::memory
