#include "exec/TaskConfig.h"

#include "common/Config.h"
#include "common/Duration.h"

namespace presto::exec {

TaskConfig TaskConfig::fromConfig(ConfigReader& config) {
  TaskConfig result;
  result.concurrency = static_cast<int32_t>(config.getInt("task.concurrency", result.concurrency));
  result.driverQuantum = Duration::parse(config.getString("task.driver-quantum", "1s")).toChrono();
  result.preferredPageRows = static_cast<int32_t>(config.getInt("task.page-rows", result.preferredPageRows));
  result.maxOutputBufferBytes = static_cast<int64_t>(DataSize::parse(config.getString("task.max-output-buffer-size", "32MB")).bytes());
  result.maxLocalExchangeBytes =
      static_cast<int64_t>(DataSize::parse(config.getString("task.max-local-exchange-buffer-size", "32MB")).bytes());
  result.maxExchangeResponseBytes =
      static_cast<int64_t>(DataSize::parse(config.getString("exchange.max-response-size", "1MB")).bytes());
  result.maxExchangeBufferBytes =
      static_cast<int64_t>(DataSize::parse(config.getString("exchange.max-buffer-size", "32MB")).bytes());
  result.maxTaskMemoryBytes = static_cast<int64_t>(DataSize::parse(config.getString("task.max-memory", "8GB")).bytes());
  return result;
}

} // namespace presto::exec
