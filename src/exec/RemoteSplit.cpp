#include "exec/RemoteSplit.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace presto::exec {

RemoteSplit::RemoteSplit(std::string taskId, int32_t bufferId, std::string location)
    : taskId_(std::move(taskId)), bufferId_(bufferId), location_(std::move(location)) {}

std::string RemoteSplit::toJson() const {
  return nlohmann::json{{"taskId", taskId_}, {"bufferId", bufferId_}, {"location", location_}}.dump();
}

std::string RemoteSplit::toString() const {
  auto buffer = fmt::format("{}/{}", taskId_, bufferId_);
  return location_.empty() ? buffer : location_ + " " + buffer;
}

std::shared_ptr<const RemoteSplit> RemoteSplit::fromJson(const std::string& json) {
  auto parsed = nlohmann::json::parse(json);
  return std::make_shared<RemoteSplit>(parsed.at("taskId").get<std::string>(), parsed.at("bufferId").get<int32_t>(),
      parsed.value("location", std::string()));
}

} // namespace presto::exec
