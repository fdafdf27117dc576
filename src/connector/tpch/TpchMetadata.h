#pragma once

#include "connector/spi/ConnectorMetadata.h"
#include "connector/tpch/TpchConnector.h"

namespace presto::tpch {

/// Schemas `tiny`, `sf1`, `sf10`, `sf100`, `sf1000` (and any `sfN`/`sfN.M` a query names), each
/// with the eight tables; exact row counts and key-column statistics.
class TpchMetadata : public connector::ConnectorMetadata {
 public:
  TpchMetadata(const TpchConfig& config, TpchGeneratorCache& generators) : config_(config), generators_(generators) {}

  std::vector<std::string> listSchemaNames() override;
  bool schemaExists(const std::string& schema) override;
  std::vector<connector::SchemaTableName> listTables(const std::optional<std::string>& schema) override;
  connector::TableHandlePtr getTableHandle(const connector::SchemaTableName& name) override;
  connector::TableMetadata getTableMetadata(const connector::TableHandle& table) override;
  std::vector<connector::ColumnHandlePtr> getColumnHandles(const connector::TableHandle& table) override;
  connector::TableStatistics getTableStatistics(const connector::TableHandle& table) override;

 private:
  std::string columnName(TpchTable table, int32_t ordinal) const;

  const TpchConfig& config_;
  TpchGeneratorCache& generators_;
};

} // namespace presto::tpch
