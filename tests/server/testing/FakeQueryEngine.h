#pragma once

#include <mutex>
#include <thread>
#include <vector>

#include "server/coordinator/QueryEngine.h"

namespace presto::server::test {

/// A stand-in for the embedded engine in protocol tests. It understands a handful of statements
/// (case-insensitive, matched by shape, not parsed):
///  - `SELECT 1`, `SELECT 1 AS col`: one integer row;
///  - `SELECT * FROM stream(P, R, MS)`: P pages of R bigint rows (`n` = 0, 1, ...), MS milliseconds
///    apart, produced on a thread (respects back-pressure and aborts);
///  - `SELECT * FROM sleep(MS)`: one row after MS milliseconds;
///  - `SELECT * FROM types`: one row with a value of every protocol-relevant type;
///  - `SELECT * FROM session`: the session as a row (user, source, catalog, schema, time_zone,
///    client_info, properties, prepared);
///  - `SELECT * FORM ...`: SYNTAX_ERROR at 1:10; `SELECT * FROM missing`: a table error at 1:15;
///    `SELECT fail_internal`: GENERIC_INTERNAL_ERROR;
///  - `USE c.s`, `SET SESSION a=b`, `RESET SESSION a`, `PREPARE x FROM sql`, `DEALLOCATE PREPARE x`,
///    `INSERT ...` (3 rows): update statements with their session changes.
/// Anything else is a SYNTAX_ERROR at 1:1.
class FakeQueryEngine : public QueryEngine {
 public:
  ~FakeQueryEngine() override;

  void execute(const Session& session, const std::string& sql, std::shared_ptr<QueryOutput> output) override;

  /// Statements executed so far.
  int64_t executedCount() const;

 private:
  void runAsync(std::function<void()> work);

  mutable std::mutex mutex_;
  std::vector<std::thread> threads_;
  int64_t executed_ = 0;
};

} // namespace presto::server::test
