#pragma once

#include <memory>
#include <string>

#include "common/Config.h"
#include "common/memory/MemoryPool.h"
#include "connector/spi/ConnectorMetadata.h"
#include "connector/spi/ConnectorPageSource.h"
#include "connector/spi/ConnectorSplitManager.h"

namespace presto::connector {

/// A property a connector accepts in `CREATE TABLE ... WITH (...)`.
struct PropertyMetadata {
  std::string name;
  std::string type;
  std::string defaultValue;
  std::string description;
};

/// A configured connector instance: the four parts of the Connector API plus the codec that moves
/// its handles between nodes. A catalog is a name bound to one Connector.
class Connector {
 public:
  virtual ~Connector() = default;
  virtual ConnectorMetadata& metadata() = 0;
  virtual ConnectorSplitManager& splitManager() = 0;
  virtual ConnectorPageSourceProvider& pageSourceProvider() = 0;
  /// The page sink provider; the default throws NOT_SUPPORTED (read-only connectors).
  virtual ConnectorPageSinkProvider& pageSinkProvider();
  virtual const HandleCodec& handleCodec() const = 0;
  /// Table properties this connector accepts; none by default.
  virtual std::vector<PropertyMetadata> tableProperties() const { return {}; }
  /// True when every node of a cluster reads this connector's splits alike (the data is generated
  /// or stored outside the process). Scans and writes of the other connectors (data held in the
  /// coordinator's memory, the coordinator's own metadata) run on the coordinator.
  virtual bool readableOnAnyNode() const { return false; }
};

using ConnectorPtr = std::shared_ptr<Connector>;

/// What the engine offers a connector when creating it.
struct ConnectorContext {
  std::string nodeId = "local";
  /// The node's memory pool; connectors that keep data in memory account it below this pool.
  MemoryPoolPtr nodeMemoryPool;
};

/// Creates connectors of one kind (`connector.name=tpch`). A factory reads the catalog's
/// properties through the ConfigReader; the catalog manager then fails on any property nobody read.
class ConnectorFactory {
 public:
  virtual ~ConnectorFactory() = default;
  virtual std::string name() const = 0;
  virtual ConnectorPtr create(const std::string& catalogName, ConfigReader& properties, const ConnectorContext& context) = 0;
};

} // namespace presto::connector
