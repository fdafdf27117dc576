#include "connector/tpch/TpchConnector.h"

#include <charconv>

#include "common/Check.h"
#include "connector/tpch/TpchMetadata.h"
#include "connector/tpch/TpchPageSource.h"
#include "connector/tpch/TpchSplitManager.h"

namespace presto::tpch {

const TpchGenerator& TpchGeneratorCache::get(double scaleFactor) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto& generator = generators_[scaleFactor];
  if (!generator) {
    generator = std::make_unique<TpchGenerator>(scaleFactor);
  }
  return *generator;
}

std::optional<double> scaleFactorOfSchema(const std::string& schema) {
  if (schema == "tiny") {
    return 0.01;
  }
  if (schema.size() < 3 || schema.compare(0, 2, "sf") != 0) {
    return std::nullopt;
  }
  double scaleFactor = 0;
  const char* begin = schema.data() + 2;
  const char* end = schema.data() + schema.size();
  auto [parsedEnd, error] = std::from_chars(begin, end, scaleFactor, std::chars_format::fixed);
  if (error != std::errc() || parsedEnd != end || !(scaleFactor > 0) || scaleFactor >= 30000 || *begin == '+' ||
      *begin == '-') {
    return std::nullopt;
  }
  return scaleFactor;
}

TpchConnector::TpchConnector(TpchConfig config)
    : config_(config),
      metadata_(std::make_unique<TpchMetadata>(config_, generators_)),
      splitManager_(std::make_unique<TpchSplitManager>(config_)),
      pageSourceProvider_(std::make_unique<TpchPageSourceProvider>(config_, generators_)) {}

TpchConnector::~TpchConnector() = default;

connector::ConnectorPtr TpchConnectorFactory::create(
    const std::string&, ConfigReader& properties, const connector::ConnectorContext&) {
  TpchConfig config;
  auto naming = properties.getString("tpch.column-naming", "SIMPLIFIED");
  PRESTO_USER_CHECK(naming == "SIMPLIFIED" || naming == "STANDARD", errors::CONFIGURATION_INVALID,
      "{}: tpch.column-naming must be SIMPLIFIED or STANDARD, not '{}'", properties.source(), naming);
  config.columnNaming = naming == "STANDARD" ? ColumnNaming::kStandard : ColumnNaming::kSimplified;
  auto splits = properties.getInt("tpch.splits-per-node", config.splitsPerNode);
  PRESTO_USER_CHECK(splits >= 1 && splits <= 10000, errors::CONFIGURATION_INVALID,
      "{}: tpch.splits-per-node must be between 1 and 10000, not {}", properties.source(), splits);
  config.splitsPerNode = static_cast<int32_t>(splits);
  return std::make_shared<TpchConnector>(config);
}

} // namespace presto::tpch
