#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <string>

namespace presto::server {

/// Everything a query runs with besides its SQL: who runs it, the default catalog and schema,
/// session properties and prepared statements. Built by the HTTP layer from the `X-Presto-*`
/// request headers; the engine reads it and never changes it (changes travel back as
/// SessionUpdates and the client applies them to its next request).
struct Session {
  std::string queryId;
  std::string user;
  std::string source;
  std::optional<std::string> catalog;
  std::optional<std::string> schema;
  /// Zone id such as `UTC` or `Asia/Tokyo`.
  std::string timeZone = "UTC";
  std::string language;
  /// System session properties (`X-Presto-Session: name=value`).
  std::map<std::string, std::string> systemProperties;
  /// Catalog session properties (`X-Presto-Session: catalog.name=value`), by catalog then name.
  std::map<std::string, std::map<std::string, std::string>> catalogProperties;
  /// Prepared statements by name (`X-Presto-Prepared-Statement`).
  std::map<std::string, std::string> preparedStatements;
  std::string clientInfo;
  std::set<std::string> clientTags;
  std::optional<std::string> transactionId;
  std::chrono::system_clock::time_point startTime;
  /// The client spoke Trino's dialect of the protocol (`X-Trino-*` headers); replies use it too.
  bool trinoProtocol = false;
};

/// Session changes a statement asks the client to apply (`USE`, `SET SESSION`, `RESET SESSION`,
/// `PREPARE`, `DEALLOCATE PREPARE`); reported in response headers with the final results.
struct SessionUpdates {
  std::optional<std::string> setCatalog;
  std::optional<std::string> setSchema;
  /// Property name (possibly `catalog.name`) to its new value.
  std::map<std::string, std::string> setProperties;
  std::set<std::string> resetProperties;
  std::map<std::string, std::string> addedPreparedStatements;
  std::set<std::string> deallocatedPreparedStatements;

  bool empty() const {
    return !setCatalog && !setSchema && setProperties.empty() && resetProperties.empty() &&
        addedPreparedStatements.empty() && deallocatedPreparedStatements.empty();
  }
};

} // namespace presto::server
