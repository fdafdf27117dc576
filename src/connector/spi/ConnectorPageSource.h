#pragma once

#include <memory>
#include <vector>

#include "connector/spi/ConnectorHandles.h"
#include "connector/spi/Domain.h"
#include "vector/Page.h"

namespace presto::connector {

/// Data-source part of the Connector API: reads one split into pages holding the requested
/// columns, in the requested order. It may drop rows that fail the pushed-down filter (the engine
/// re-checks what the connector did not guarantee) and may return lazy vectors.
class ConnectorPageSource {
 public:
  virtual ~ConnectorPageSource() = default;
  /// The next page, or nullptr when there is none right now (check isFinished()).
  virtual PagePtr getNextPage() = 0;
  virtual bool isFinished() const = 0;
  /// Bytes and rows read from the source so far (for statistics).
  virtual uint64_t completedBytes() const = 0;
  virtual uint64_t completedRows() const = 0;
  /// Releases resources early (cancellation); later calls need not work.
  virtual void close() {}
};

/// Data-sink part of the Connector API: receives the pages of an insert. Nothing becomes visible
/// until the metadata's finishInsert() publishes the fragments of every sink.
class ConnectorPageSink {
 public:
  virtual ~ConnectorPageSink() = default;
  virtual void appendPage(const Page& page) = 0;
  /// Ends writing; returns opaque fragments for ConnectorMetadata::finishInsert.
  virtual std::vector<std::string> finish() = 0;
  /// Discards what was written.
  virtual void abort() = 0;
};

/// Creates page sources and sinks.
class ConnectorPageSourceProvider {
 public:
  virtual ~ConnectorPageSourceProvider() = default;
  virtual std::unique_ptr<ConnectorPageSource> createPageSource(const ConnectorSplitPtr& split,
      const TableHandlePtr& table, const std::vector<ColumnHandlePtr>& columns, const TupleDomain& filter) = 0;
};

class ConnectorPageSinkProvider {
 public:
  virtual ~ConnectorPageSinkProvider() = default;
  virtual std::unique_ptr<ConnectorPageSink> createPageSink(const InsertTableHandlePtr& insert) = 0;
};

} // namespace presto::connector
