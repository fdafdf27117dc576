#pragma once

#include <chrono>
#include <string>

#include "common/Config.h"
#include "common/Duration.h"

namespace presto::server::discovery {

/// The coordinator's discovery server and failure detector settings (docs/dev/discovery.md).
struct NodeManagerConfig {
  /// `node.environment` of the coordinator; announcements from other environments are refused.
  std::string environment;
  /// `failure-detector.heartbeat-interval`: period of the heartbeat sent to every announced node.
  Duration heartbeatInterval{std::chrono::milliseconds(500)};
  /// `failure-detector.threshold`: a node whose recent (decayed over one minute) failure ratio is
  /// above this is failed.
  double failureRatioThreshold = 0.1;
  /// `failure-detector.warmup-interval`: a node must answer heartbeats for this long before it is
  /// active (again).
  Duration warmupInterval{std::chrono::seconds(5)};
  /// `failure-detector.failure-timeout`: a node whose heartbeats have all failed for longer than
  /// this is failed whatever its ratio (a killed worker is detected within a couple of seconds).
  /// Also the timeout of one heartbeat request.
  Duration failureTimeout{std::chrono::seconds(1)};
  /// `discovery.max-age`: an announcement not renewed for this long is dropped.
  Duration announcementMaxAge{std::chrono::seconds(30)};
  /// `failure-detector.expiration-grace-interval`: a failed node neither announced nor answering for
  /// this long is forgotten (until then it is listed as inactive).
  Duration inactiveRetention{std::chrono::minutes(10)};

  /// Reads the properties above from `config.properties`; `environment` comes from
  /// `node.properties`.
  static NodeManagerConfig read(ConfigReader& reader, std::string environment);
};

} // namespace presto::server::discovery
