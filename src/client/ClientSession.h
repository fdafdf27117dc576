#pragma once

#include <map>
#include <optional>
#include <string>

namespace presto::client {

/// What a client sends with every statement and updates from the server's replies, like the
/// Presto CLI's ClientSession: the server, user, default catalog and schema, session properties
/// and prepared statements. `USE`, `SET SESSION`, `PREPARE` and friends change it through the
/// `X-Presto-Set-*` / `-Clear-*` / `-Added-*` / `-Deallocated-*` response headers.
struct ClientSession {
  std::string server = "http://localhost:8080";
  std::string user;
  std::string source = "presto-cli";
  std::optional<std::string> catalog;
  std::optional<std::string> schema;
  std::optional<std::string> timeZone;
  std::string clientInfo;
  std::map<std::string, std::string> properties;
  std::map<std::string, std::string> preparedStatements;
};

} // namespace presto::client
