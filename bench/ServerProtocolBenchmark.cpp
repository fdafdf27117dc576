// Round-trip latency of a trivial query through the client REST protocol (POST /v1/statement, then
// GET nextUri until done) with a keep-alive client, against an in-process coordinator over the fake
// engine; and rows per second streamed to a client for a large result.
// Usage: server_protocol_benchmark [iterations] (Google Benchmark flags are ignored)

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../tests/server/testing/TestServer.h"
#include "server/http/HttpClient.h"

namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

/// Runs `sql` to completion; returns the number of rows and replies.
std::pair<int64_t, int64_t> runQuery(presto::server::http::HttpClient& client, const std::string& sql) {
  presto::server::http::HttpHeaders headers;
  headers.add("X-Presto-User", "bench");
  auto reply = json::parse(client.send("POST", "/v1/statement", headers, sql).body);
  int64_t rows = 0;
  int64_t replies = 1;
  while (reply.contains("nextUri")) {
    std::string uri = reply["nextUri"];
    reply = json::parse(client.send("GET", uri.substr(uri.find("/v1/"))).body);
    rows += reply.contains("data") ? static_cast<int64_t>(reply["data"].size()) : 0;
    ++replies;
  }
  if (reply.contains("error")) {
    std::fprintf(stderr, "query failed: %s\n", reply["error"]["message"].get<std::string>().c_str());
    std::exit(1);
  }
  return {rows, replies};
}

double percentile(std::vector<double>& values, double p) {
  std::sort(values.begin(), values.end());
  size_t index = std::min(values.size() - 1, static_cast<size_t>(p * static_cast<double>(values.size())));
  return values[index];
}

} // namespace

int main(int argc, char** argv) {
  // bench/run.sh passes Google Benchmark flags to every *_benchmark program; they do not apply here.
  int iterations = 2000;
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]).rfind("--", 0) != 0) {
      iterations = std::max(1, std::stoi(argv[i]));
    }
  }
  presto::server::QueryManagerConfig config;
  config.maxHistory = 100;
  config.minExpireAge = presto::Duration(std::chrono::seconds(0));
  presto::server::test::TestServer server(config);
  presto::server::http::HttpClient client("127.0.0.1", server.port());

  for (int i = 0; i < 50; ++i) {
    runQuery(client, "SELECT 1");
  }
  std::vector<double> latencies;
  latencies.reserve(iterations);
  int64_t replies = 0;
  auto start = Clock::now();
  for (int i = 0; i < iterations; ++i) {
    auto begin = Clock::now();
    replies += runQuery(client, "SELECT 1").second;
    latencies.push_back(std::chrono::duration<double, std::micro>(Clock::now() - begin).count());
  }
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("SELECT 1 round trip (%d queries, %.1f HTTP requests each, keep-alive):\n", iterations,
      static_cast<double>(replies) / iterations);
  std::printf("  p50 %.0f us, p90 %.0f us, p99 %.0f us, max %.0f us, %.0f queries/s\n", percentile(latencies, 0.5),
      percentile(latencies, 0.9), percentile(latencies, 0.99), percentile(latencies, 1.0), iterations / seconds);

  // 400 pages of 4096 bigint rows produced as fast as the client takes them.
  auto streamStart = Clock::now();
  auto [rows, streamReplies] = runQuery(client, "SELECT * FROM stream(400, 4096, 0)");
  double streamSeconds = std::chrono::duration<double>(Clock::now() - streamStart).count();
  std::printf("streamed %lld rows (1 bigint column) in %lld replies: %.2f s, %.2f M rows/s\n",
      static_cast<long long>(rows), static_cast<long long>(streamReplies), streamSeconds, rows / streamSeconds / 1e6);
  return 0;
}
