#pragma once

#include <map>
#include <memory>
#include <mutex>

#include "connector/spi/Connector.h"
#include "connector/tpch/TpchGenerator.h"
#include "connector/tpch/TpchHandles.h"

namespace presto::tpch {

/// How columns are named: `l_orderkey` as in the TPC-H specification (STANDARD) or `orderkey` as
/// in Presto's default tpch catalog (SIMPLIFIED).
enum class ColumnNaming { kStandard, kSimplified };

/// Settings of one tpch catalog.
struct TpchConfig {
  ColumnNaming columnNaming = ColumnNaming::kSimplified;
  /// Splits per table and node (`tpch.splits-per-node`).
  int32_t splitsPerNode = 4;
  /// Rows per page produced by a split.
  int32_t rowsPerPage = 4096;
};

/// Generators by scale factor, created on first use and shared by every split of the catalog.
class TpchGeneratorCache {
 public:
  const TpchGenerator& get(double scaleFactor);

 private:
  std::mutex mutex_;
  std::map<double, std::unique_ptr<TpchGenerator>> generators_;
};

/// The scale factor a schema name stands for: `tiny` is 0.01, `sf1` is 1, `sf0.5` is 0.5;
/// nullopt for any other name.
std::optional<double> scaleFactorOfSchema(const std::string& schema);

/// The TPC-H connector: the eight tables generated on the fly, exactly as dbgen, at any scale factor.
class TpchConnector : public connector::Connector {
 public:
  explicit TpchConnector(TpchConfig config);
  ~TpchConnector() override;

  connector::ConnectorMetadata& metadata() override { return *metadata_; }
  connector::ConnectorSplitManager& splitManager() override { return *splitManager_; }
  connector::ConnectorPageSourceProvider& pageSourceProvider() override { return *pageSourceProvider_; }
  const connector::HandleCodec& handleCodec() const override { return codec_; }
  /// Any node generates any split.
  bool readableOnAnyNode() const override { return true; }

 private:
  TpchConfig config_;
  TpchGeneratorCache generators_;
  TpchHandleCodec codec_;
  std::unique_ptr<connector::ConnectorMetadata> metadata_;
  std::unique_ptr<connector::ConnectorSplitManager> splitManager_;
  std::unique_ptr<connector::ConnectorPageSourceProvider> pageSourceProvider_;
};

/// `connector.name=tpch`; properties `tpch.column-naming` (STANDARD or SIMPLIFIED) and
/// `tpch.splits-per-node`.
class TpchConnectorFactory : public connector::ConnectorFactory {
 public:
  std::string name() const override { return "tpch"; }
  connector::ConnectorPtr create(
      const std::string& catalogName, ConfigReader& properties, const connector::ConnectorContext& context) override;
};

} // namespace presto::tpch
