#pragma once

#include <map>

#include "connector/spi/Connector.h"
#include "connector/system/SystemTable.h"

namespace presto::connector {

/// A read-only connector over a fixed set of SystemTables. Filters offered through applyFilter are
/// kept in the table handle and handed to SystemTable::rows; each table is one split, read on the
/// coordinator. Handles travel without their constraint (rows are then computed in full, which is
/// still correct because the engine keeps the filter).
class SystemTableConnector : public Connector {
 public:
  explicit SystemTableConnector(std::vector<SystemTablePtr> tables);
  ~SystemTableConnector() override;

  ConnectorMetadata& metadata() override { return *metadata_; }
  ConnectorSplitManager& splitManager() override { return *splitManager_; }
  ConnectorPageSourceProvider& pageSourceProvider() override { return *pageSources_; }
  const HandleCodec& handleCodec() const override { return *codec_; }

 private:
  std::map<SchemaTableName, SystemTablePtr> tables_;
  std::unique_ptr<ConnectorMetadata> metadata_;
  std::unique_ptr<ConnectorSplitManager> splitManager_;
  std::unique_ptr<ConnectorPageSourceProvider> pageSources_;
  std::unique_ptr<HandleCodec> codec_;
};

} // namespace presto::connector
