#include "connector/memory/MemoryConnector.h"

#include "common/Check.h"

namespace presto::memory {
namespace {

MemoryPoolPtr storePool(const std::string& catalogName, int64_t limit, const connector::ConnectorContext& context) {
  auto name = "memory-connector-" + catalogName;
  return context.nodeMemoryPool ? context.nodeMemoryPool->addChild(name, limit) : MemoryPool::createRoot(name, limit);
}

} // namespace

MemoryConnector::MemoryConnector(
    const std::string& catalogName, MemoryConfig config, const connector::ConnectorContext& context)
    : store_(storePool(catalogName, config.maxDataPerNode, context), config.maxDataPerNode),
      metadata_(store_),
      splitManager_(context.nodeId, config.splitsPerNode),
      pageSources_(store_),
      pageSinks_(store_) {}

connector::ConnectorPtr MemoryConnectorFactory::create(
    const std::string& catalogName, ConfigReader& properties, const connector::ConnectorContext& context) {
  MemoryConfig config;
  config.maxDataPerNode =
      static_cast<int64_t>(properties.getDataSize("memory.max-data-per-node", DataSize(config.maxDataPerNode)).bytes());
  auto splits = properties.getInt("memory.splits-per-node", config.splitsPerNode);
  PRESTO_USER_CHECK(splits >= 1 && splits <= 1024, errors::CONFIGURATION_INVALID,
      "{}: memory.splits-per-node must be between 1 and 1024, not {}", properties.source(), splits);
  config.splitsPerNode = static_cast<int32_t>(splits);
  return std::make_shared<MemoryConnector>(catalogName, config, context);
}

} // namespace presto::memory
