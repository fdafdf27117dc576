#include "server/discovery/Announcement.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <random>

#include "common/Check.h"

namespace presto::server::discovery {
namespace {

using nlohmann::json;

[[noreturn]] void malformed(const std::string& problem) {
  throw PrestoException(errors::GENERIC_INTERNAL_ERROR, "Malformed announcement: " + problem);
}

/// The string at `key` of `object`; `fallback` when absent (nullptr: the key is required).
std::string stringField(const json& object, const char* key, const char* fallback) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) {
    if (fallback == nullptr) {
      malformed(fmt::format("missing \"{}\"", key));
    }
    return fallback;
  }
  if (!it->is_string()) {
    malformed(fmt::format("\"{}\" must be a string", key));
  }
  return it->get<std::string>();
}

ServiceAnnouncement parseService(const json& service) {
  if (!service.is_object()) {
    malformed("a service must be an object");
  }
  ServiceAnnouncement result;
  result.id = stringField(service, "id", nullptr);
  result.type = stringField(service, "type", nullptr);
  if (auto properties = service.find("properties"); properties != service.end() && !properties->is_null()) {
    if (!properties->is_object()) {
      malformed("\"properties\" must be an object");
    }
    for (const auto& [name, value] : properties->items()) {
      if (!value.is_string()) {
        malformed(fmt::format("property \"{}\" must be a string", name));
      }
      result.properties.emplace(name, value.get<std::string>());
    }
  }
  return result;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string text;
  for (size_t i = 0; i < parts.size(); ++i) {
    text += (i == 0 ? "" : ",") + parts[i];
  }
  return text;
}

} // namespace

const ServiceAnnouncement* Announcement::prestoService() const {
  for (const auto& service : services) {
    if (service.type == "presto") {
      return &service;
    }
  }
  return nullptr;
}

Announcement makePrestoAnnouncement(const PrestoNodeDescription& node) {
  ServiceAnnouncement service;
  service.id = randomServiceId();
  service.properties = {{"node_version", node.version}, {"coordinator", node.coordinator ? "true" : "false"},
      {"connectorIds", joined(node.connectorIds)}, {"http", node.httpUri}};
  Announcement announcement;
  announcement.environment = node.environment;
  announcement.location = "/" + node.nodeId;
  announcement.services.push_back(std::move(service));
  return announcement;
}

std::string randomServiceId() {
  static thread_local std::mt19937_64 generator{std::random_device{}()};
  uint64_t high = generator();
  uint64_t low = generator();
  // Version 4 (random) in the high nibble of the third group, variant 10xx in the fourth.
  high = (high & ~0xF000ULL) | 0x4000ULL;
  low = (low & ~(0xC000ULL << 48)) | (0x8000ULL << 48);
  return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", high >> 32, (high >> 16) & 0xFFFF, high & 0xFFFF,
      low >> 48, low & 0xFFFFFFFFFFFFULL);
}

std::string serializeAnnouncement(const Announcement& announcement) {
  json services = json::array();
  for (const auto& service : announcement.services) {
    services.push_back({{"id", service.id}, {"type", service.type}, {"properties", service.properties}});
  }
  return json({{"environment", announcement.environment}, {"pool", announcement.pool},
                  {"location", announcement.location}, {"services", std::move(services)}})
      .dump();
}

Announcement parseAnnouncement(std::string_view text) {
  json parsed = json::parse(text, nullptr, false);
  if (parsed.is_discarded()) {
    malformed("not JSON");
  }
  if (!parsed.is_object()) {
    malformed("expected a JSON object");
  }
  Announcement announcement;
  announcement.environment = stringField(parsed, "environment", nullptr);
  announcement.pool = stringField(parsed, "pool", "general");
  announcement.location = stringField(parsed, "location", "");
  auto services = parsed.find("services");
  if (services == parsed.end() || !services->is_array()) {
    malformed("\"services\" must be an array");
  }
  for (const auto& service : *services) {
    announcement.services.push_back(parseService(service));
  }
  return announcement;
}

} // namespace presto::server::discovery
