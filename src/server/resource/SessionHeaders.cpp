#include "server/resource/SessionHeaders.h"

#include <strings.h>

#include <algorithm>

#include "common/Check.h"

namespace presto::server {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  return text;
}

/// Splits every occurrence of a comma-list header into its non-empty items.
std::vector<std::string> listItems(const http::HttpRequest& request, const std::string& header) {
  std::vector<std::string> items;
  for (const auto& value : request.headers.getAll(header)) {
    std::string_view rest = value;
    while (true) {
      size_t comma = rest.find(',');
      auto item = trim(rest.substr(0, comma));
      if (!item.empty()) {
        items.emplace_back(item);
      }
      if (comma == std::string_view::npos) {
        break;
      }
      rest.remove_prefix(comma + 1);
    }
  }
  return items;
}

/// `name=value` with both sides percent-decoded (`decodeName`) or only the value.
std::pair<std::string, std::string> splitPair(const std::string& item, const std::string& header, bool decodeName) {
  size_t equals = item.find('=');
  PRESTO_USER_CHECK(equals != std::string::npos && equals > 0, errors::INVALID_ARGUMENTS,
      "Invalid {} header: expected name=value, got '{}'", header, item);
  std::string name(trim(std::string_view(item).substr(0, equals)));
  auto decodedName = decodeName ? http::percentDecode(name, true) : std::optional<std::string>(name);
  auto value = http::percentDecode(trim(std::string_view(item).substr(equals + 1)), true);
  PRESTO_USER_CHECK(decodedName && value, errors::INVALID_ARGUMENTS, "Invalid {} header: bad percent-encoding in '{}'",
      header, item);
  return {*decodedName, *value};
}

std::optional<std::string> nonEmpty(const http::HttpRequest& request, const std::string& header) {
  auto value = request.headers.get(header);
  if (!value) {
    return std::nullopt;
  }
  auto trimmed = trim(*value);
  if (trimmed.empty()) {
    return std::nullopt;
  }
  return std::string(trimmed);
}

void checkIdentifier(const std::optional<std::string>& value, const std::string& header) {
  if (value) {
    bool printable = std::all_of(value->begin(), value->end(), [](unsigned char c) { return c >= 0x20 && c != 0x7f; });
    PRESTO_USER_CHECK(printable, errors::INVALID_ARGUMENTS, "Invalid {} header", header);
  }
}

} // namespace

HeaderPrefix HeaderPrefix::of(const http::HttpRequest& request) {
  for (const auto& [name, value] : request.headers.fields()) {
    if (name.size() > 8 && strncasecmp(name.c_str(), "X-Trino-", 8) == 0) {
      return HeaderPrefix{"X-Trino-"};
    }
  }
  return HeaderPrefix{};
}

Session sessionFromHeaders(const http::HttpRequest& request, const HeaderPrefix& prefix) {
  Session session;
  session.trinoProtocol = prefix.value == "X-Trino-";
  session.user = nonEmpty(request, prefix("User")).value_or("");
  session.source = nonEmpty(request, prefix("Source")).value_or("");
  session.catalog = nonEmpty(request, prefix("Catalog"));
  session.schema = nonEmpty(request, prefix("Schema"));
  checkIdentifier(session.catalog, prefix("Catalog"));
  checkIdentifier(session.schema, prefix("Schema"));
  PRESTO_USER_CHECK(session.catalog || !session.schema, errors::INVALID_ARGUMENTS,
      "Schema is set but catalog is not");
  if (auto zone = nonEmpty(request, prefix("Time-Zone"))) {
    bool valid = std::all_of(zone->begin(), zone->end(),
        [](unsigned char c) { return std::isalnum(c) || c == '/' || c == '_' || c == '-' || c == '+' || c == ':'; });
    PRESTO_USER_CHECK(valid, errors::INVALID_ARGUMENTS, "Time zone not supported: {}", *zone);
    session.timeZone = *zone;
  }
  session.language = nonEmpty(request, prefix("Language")).value_or("");
  session.clientInfo = request.headers.get(prefix("Client-Info")).value_or("");
  for (const auto& tag : listItems(request, prefix("Client-Tags"))) {
    session.clientTags.insert(tag);
  }
  if (auto transaction = nonEmpty(request, prefix("Transaction-Id"))) {
    if (strcasecmp(transaction->c_str(), "NONE") != 0) {
      session.transactionId = *transaction;
    }
  }
  for (const auto& item : listItems(request, prefix("Session"))) {
    auto [name, value] = splitPair(item, prefix("Session"), false);
    size_t dot = name.find('.');
    if (dot == std::string::npos) {
      session.systemProperties[name] = value;
      continue;
    }
    PRESTO_USER_CHECK(name.find('.', dot + 1) == std::string::npos && dot > 0 && dot + 1 < name.size(),
        errors::INVALID_SESSION_PROPERTY, "Invalid session property name: {}", name);
    session.catalogProperties[name.substr(0, dot)][name.substr(dot + 1)] = value;
  }
  for (const auto& item : listItems(request, prefix("Prepared-Statement"))) {
    auto [name, sql] = splitPair(item, prefix("Prepared-Statement"), true);
    session.preparedStatements[name] = sql;
  }
  return session;
}

void addSessionUpdateHeaders(const SessionUpdates& updates, const HeaderPrefix& prefix, http::HttpHeaders& headers) {
  if (updates.setCatalog) {
    headers.add(prefix("Set-Catalog"), *updates.setCatalog);
  }
  if (updates.setSchema) {
    headers.add(prefix("Set-Schema"), *updates.setSchema);
  }
  for (const auto& [name, value] : updates.setProperties) {
    headers.add(prefix("Set-Session"), name + "=" + http::percentEncode(value));
  }
  for (const auto& name : updates.resetProperties) {
    headers.add(prefix("Clear-Session"), name);
  }
  for (const auto& [name, sql] : updates.addedPreparedStatements) {
    headers.add(prefix("Added-Prepare"), http::percentEncode(name) + "=" + http::percentEncode(sql));
  }
  for (const auto& name : updates.deallocatedPreparedStatements) {
    headers.add(prefix("Deallocated-Prepare"), http::percentEncode(name));
  }
}

} // namespace presto::server
