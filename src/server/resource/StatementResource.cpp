#include "server/resource/StatementResource.h"

#include <charconv>

#include "common/Check.h"
#include "server/protocol/QueryId.h"
#include "server/resource/SessionHeaders.h"

namespace presto::server {
namespace {

QueryResults toQueryResults(const ResultsBatch& batch, const std::string& base) {
  QueryResults results;
  results.id = batch.queryId;
  results.infoUri = base + "/v1/query/" + batch.queryId;
  if (batch.hasNext) {
    std::string phase = batch.stats.state == QueryState::kQueued ? "queued" : "executing";
    results.nextUri = fmt::format("{}/v1/statement/{}/{}/{}?slug={}", base, phase, batch.queryId, batch.token + 1, batch.slug);
  }
  results.columns = batch.columns;
  results.data = batch.pages;
  results.stats = batch.stats;
  results.error = batch.error;
  results.updateType = batch.updateType;
  results.updateCount = batch.updateCount;
  return results;
}

http::HttpResponse resultsResponse(const ResultsBatch& batch, const http::HttpRequest& request) {
  auto response = http::HttpResponse::json(serializeQueryResults(toQueryResults(batch, baseUri(request))));
  if (!batch.hasNext && !batch.error) {
    HeaderPrefix prefix = batch.trinoProtocol ? HeaderPrefix{"X-Trino-"} : HeaderPrefix{};
    addSessionUpdateHeaders(batch.sessionUpdates, prefix, response.headers);
  }
  return response;
}

std::optional<int64_t> parseToken(const std::string& text) {
  int64_t token = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), token);
  if (ec != std::errc() || end != text.data() + text.size() || token < 0) {
    return std::nullopt;
  }
  return token;
}

} // namespace

std::string baseUri(const http::HttpRequest& request) {
  return "http://" + (request.host.empty() ? std::string("localhost") : request.host);
}

void StatementResource::addRoutes(http::Router& router) {
  router.add("POST", "/v1/statement",
      [this](const http::HttpRequest& request, const http::PathParameters&, http::Responder respond) {
        createQuery(request, std::move(respond));
      });
  for (const char* phase : {"queued", "executing"}) {
    std::string pattern = std::string("/v1/statement/") + phase + "/{queryId}/{token}";
    router.add("GET", pattern,
        [this](const http::HttpRequest& request, const http::PathParameters& parameters, http::Responder respond) {
          fetchResults(request, parameters, std::move(respond));
        });
    router.add("DELETE", pattern,
        [this](const http::HttpRequest& request, const http::PathParameters& parameters, http::Responder respond) {
          cancelQuery(request, parameters, std::move(respond));
        });
  }
}

void StatementResource::createQuery(const http::HttpRequest& request, http::Responder respond) {
  if (request.body.find_first_not_of(" \t\r\n") == std::string::npos) {
    return respond(http::HttpResponse::text(400, "SQL statement is empty"));
  }
  HeaderPrefix prefix = HeaderPrefix::of(request);
  Session session;
  try {
    session = sessionFromHeaders(request, prefix);
  } catch (const PrestoException& e) {
    return respond(http::HttpResponse::text(400, e.what()));
  }
  if (session.user.empty()) {
    return respond(http::HttpResponse::text(400, "User must be set"));
  }
  ResultsBatch batch = queries_.createQuery(std::move(session), request.body);
  respond(resultsResponse(batch, request));
}

void StatementResource::fetchResults(
    const http::HttpRequest& request, const http::PathParameters& parameters, http::Responder respond) {
  const auto& queryId = parameters.at("queryId");
  auto token = parseToken(parameters.at("token"));
  auto slug = request.queryParameters.find("slug");
  if (!isValidQueryId(queryId) || !token || slug == request.queryParameters.end()) {
    return respond(http::HttpResponse::text(404, "Query not found"));
  }
  std::optional<Duration> maxWait;
  if (auto wait = request.queryParameters.find("maxWait"); wait != request.queryParameters.end()) {
    try {
      maxWait = Duration::parse(wait->second);
    } catch (const PrestoException&) {
      return respond(http::HttpResponse::text(400, "Invalid maxWait: " + wait->second));
    }
  }
  queries_.fetchResults(queryId, slug->second, *token, maxWait,
      [request, respond](FetchStatus status, ResultsBatch batch) {
        switch (status) {
          case FetchStatus::kNotFound:
            return respond(http::HttpResponse::text(404, "Query not found"));
          case FetchStatus::kGone:
            return respond(http::HttpResponse::text(410, "Results for this token are gone"));
          case FetchStatus::kOk:
            return respond(resultsResponse(batch, request));
        }
      });
}

void StatementResource::cancelQuery(
    const http::HttpRequest& request, const http::PathParameters& parameters, http::Responder respond) {
  const auto& queryId = parameters.at("queryId");
  auto slug = request.queryParameters.find("slug");
  std::optional<std::string> slugValue;
  if (slug != request.queryParameters.end()) {
    slugValue = slug->second;
  }
  if (!isValidQueryId(queryId) || !queries_.cancelQuery(queryId, slugValue)) {
    return respond(http::HttpResponse::text(404, "Query not found"));
  }
  respond(http::HttpResponse::noContent());
}

} // namespace presto::server
