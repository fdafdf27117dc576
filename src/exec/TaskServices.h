#pragma once

#include <functional>
#include <memory>
#include <string>

#include "connector/spi/Connector.h"
#include "exec/ExchangeSource.h"

namespace presto {
class FunctionRegistry;
}

namespace presto::exec {

class AggregateResolver;

/// What a task needs from the rest of the worker, injected (no process-wide singletons):
/// connectors by catalog name, the function registry expressions are compiled against,
/// aggregate implementations, and how to read the output buffers of upstream tasks (exchanges).
struct TaskServices {
  std::function<connector::ConnectorPtr(const std::string& catalog)> connectors;
  std::shared_ptr<const FunctionRegistry> functions;
  std::shared_ptr<const AggregateResolver> aggregates;
  /// Opens the reader of a RemoteSplit: inProcessExchangeSources(registry) in the embedded
  /// engine, an HTTP source on a worker.
  ExchangeSourceFactory exchangeSources;
};

} // namespace presto::exec
