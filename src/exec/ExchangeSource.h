#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "exec/Future.h"
#include "exec/OutputBuffer.h"
#include "type/Type.h"

namespace presto::exec {

class RemoteSplit;

/// A reply of an upstream buffer: the pages from the requested token on, the token to ask for
/// next, and whether the buffer is complete (no pages will follow these).
using ExchangePages = OutputBuffer::Result;

/// Reads the pages of one upstream output buffer (a RemoteSplit) by token, the way Presto's
/// results protocol does: asking for token t acknowledges every page before t, so the producer
/// may free them, and asking for the same token again returns the same pages. A source never
/// blocks its caller: while no reply is ready it returns a future instead.
///
/// Implementations: InProcessExchangeSource (reads another task's OutputBuffer directly) and an
/// HTTP source (`GET {location}/results/{buffer}/{token}`), which deserializes the pages of a
/// reply before handing them out. Sources are used by one driver at a time.
class ExchangeSource {
 public:
  virtual ~ExchangeSource() = default;
  ExchangeSource(const ExchangeSource&) = delete;
  ExchangeSource& operator=(const ExchangeSource&) = delete;

  /// Acknowledges the pages before `token` and returns true with at most `maxBytes` of pages from
  /// `token` on (at least one page if any is ready), or with none and `complete` set when the
  /// buffer is done. Returns false and sets `future` when the reply is not ready yet; call again
  /// with the same token once it completes. Throws the upstream task's error when it failed.
  /// REQUIRES: `token` is 0 or a `nextToken` of an earlier reply.
  virtual bool getPages(int64_t token, int64_t maxBytes, ExchangePages& result, ContinueFuture* future) = 0;

  /// Acknowledges the pages before `token` without asking for more.
  virtual void acknowledge(int64_t token) = 0;

  /// The consumer is done with the buffer (read to completion, or stopped early): the producer
  /// drops whatever is left for it. Called once; no other call follows.
  virtual void close() = 0;

 protected:
  ExchangeSource() = default;
};

/// Opens the source of a remote split whose pages have the column `types` (an HTTP source needs
/// them to deserialize). Chosen by the worker (in-process or HTTP) and injected into tasks through
/// TaskServices.
using ExchangeSourceFactory =
    std::function<std::unique_ptr<ExchangeSource>(const RemoteSplit& split, const std::vector<TypePtr>& types)>;

} // namespace presto::exec
