#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace presto::server::discovery {

/// One service a node offers, as Airlift discovery describes it. A Presto node announces one
/// service of type `presto` whose properties are `node_version`, `coordinator` (`true`/`false`),
/// `connectorIds` (comma-separated catalog names) and `http` (the node's base URI).
struct ServiceAnnouncement {
  /// Unique per process start (a restarted node announces a new id).
  std::string id;
  std::string type = "presto";
  std::map<std::string, std::string> properties;

  bool operator==(const ServiceAnnouncement&) const = default;
};

/// The body of `PUT {discovery.uri}/v1/announcement/{nodeId}`: who a node is and which services it
/// offers. Renewed periodically; the discovery server forgets announcements that are not renewed.
struct Announcement {
  std::string environment;
  std::string pool = "general";
  std::string location;
  std::vector<ServiceAnnouncement> services;

  /// The first service of type `presto`, or nullptr.
  const ServiceAnnouncement* prestoService() const;

  bool operator==(const Announcement&) const = default;
};

/// What a Presto node puts into its announcement.
struct PrestoNodeDescription {
  std::string environment;
  std::string nodeId;
  /// Base URI other nodes reach this node at: `http://10.0.0.5:8080`.
  std::string httpUri;
  std::string version;
  bool coordinator = false;
  std::vector<std::string> connectorIds;
};

/// The announcement of a Presto node: one `presto` service with a fresh random id, located at
/// `/{nodeId}` as Presto's node manager does.
Announcement makePrestoAnnouncement(const PrestoNodeDescription& node);

/// A random RFC 4122 version 4 UUID (`3f2b...-4...`), for service ids.
std::string randomServiceId();

std::string serializeAnnouncement(const Announcement& announcement);
/// Parses an announcement; anything that is not one throws GENERIC_INTERNAL_ERROR
/// `Malformed announcement: ...`.
Announcement parseAnnouncement(std::string_view json);

} // namespace presto::server::discovery
