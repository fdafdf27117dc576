#pragma once

#include "connector/spi/ConnectorPageSource.h"
#include "connector/tpch/TpchBatch.h"
#include "connector/tpch/TpchConnector.h"
#include "connector/tpch/TpchReader.h"

namespace presto::tpch {

/// Generates one split's rows, only the requested columns, as pages of flat vectors.
class TpchPageSource : public connector::ConnectorPageSource {
 public:
  TpchPageSource(const TpchGenerator& generator, const TpchSplit& split,
      const std::vector<connector::ColumnHandlePtr>& columns, int32_t rowsPerPage);

  PagePtr getNextPage() override;
  bool isFinished() const override { return finished_; }
  uint64_t completedBytes() const override { return completedBytes_; }
  uint64_t completedRows() const override { return completedRows_; }
  void close() override { finished_ = true; }

 private:
  VectorPtr toVector(TpchColumnData& column, const TypePtr& type, vector_size_t numRows);

  std::vector<TypePtr> types_;
  std::vector<int32_t> outputToBatch_;  // output column -> batch column (columns may repeat)
  std::unique_ptr<TpchReader> reader_;
  TpchBatch batch_;
  int32_t rowsPerPage_;
  bool finished_ = false;
  uint64_t completedBytes_ = 0;
  uint64_t completedRows_ = 0;
};

/// Creates TpchPageSources for splits of one catalog.
class TpchPageSourceProvider : public connector::ConnectorPageSourceProvider {
 public:
  TpchPageSourceProvider(const TpchConfig& config, TpchGeneratorCache& generators)
      : config_(config), generators_(generators) {}

  std::unique_ptr<connector::ConnectorPageSource> createPageSource(const connector::ConnectorSplitPtr& split,
      const connector::TableHandlePtr& table, const std::vector<connector::ColumnHandlePtr>& columns,
      const connector::TupleDomain& filter) override;

 private:
  const TpchConfig& config_;
  TpchGeneratorCache& generators_;
};

} // namespace presto::tpch
