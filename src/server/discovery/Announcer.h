#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "common/Duration.h"
#include "server/discovery/Announcement.h"

namespace presto::server::http {
class AsyncHttpClient;
}

namespace presto::server::discovery {

/// Keeps a node registered with the discovery server (every node, the coordinator included):
/// `PUT {discovery.uri}/v1/announcement/{nodeId}` at start and then every interval, so that the
/// announcement never expires while the node lives. When the discovery server cannot be reached
/// or refuses the announcement, logs one warning per streak of failures and retries every
/// min(interval, 1 s). Thread-safe; may be destroyed with requests in flight (their replies are
/// dropped).
class Announcer {
 public:
  /// `discoveryUri` is `discovery.uri` (`http://coordinator:8080`); CONFIGURATION_INVALID when it
  /// is not an http URI. `interval` is `announcement-max-frequency-ms` in Presto native.
  Announcer(const std::string& discoveryUri, const std::string& nodeId, const Announcement& announcement,
      std::shared_ptr<http::AsyncHttpClient> client, Duration interval = Duration(std::chrono::seconds(5)));
  /// Stops announcing, without unannouncing (see stop()).
  ~Announcer();

  Announcer(const Announcer&) = delete;
  Announcer& operator=(const Announcer&) = delete;

  /// Announces now, then periodically. Idempotent.
  void start();
  /// Stops announcing and sends `DELETE /v1/announcement/{nodeId}`, waiting up to `timeout` for an
  /// announcement in flight and for the reply (best effort: a failure is only logged). Idempotent.
  /// REQUIRES: not called on a thread of the client (the replies arrive there).
  void stop(Duration timeout = Duration(std::chrono::seconds(1)));

  /// True when the last announcement was accepted.
  bool announced() const;

 private:
  class State;
  std::shared_ptr<State> state_;
};

} // namespace presto::server::discovery
