#include "engine/SessionProperties.h"

#include <algorithm>
#include <charconv>

#include "common/PrestoException.h"

namespace presto::engine {

const std::vector<SessionPropertyMetadata>& systemSessionProperties() {
  static const std::vector<SessionPropertyMetadata> properties = {
      {"disabled_optimizer_rules", VARCHAR(), "", "Comma-separated names of optimizer rules to skip"},
      {"execution_policy", VARCHAR(), "all-at-once",
          "Stage scheduling: all-at-once (every stage at once) or phased (build sides of joins first)"},
      {"hash_partition_count", BIGINT(), "4", "Tasks of each hash-partitioned stage"},
      {"join_distribution_type", VARCHAR(), "AUTOMATIC", "Join distribution: AUTOMATIC, BROADCAST or PARTITIONED"},
      {"join_reordering_strategy", VARCHAR(), "AUTOMATIC",
          "Join reordering: AUTOMATIC, ELIMINATE_CROSS_JOINS or NONE"},
      {"task_concurrency", BIGINT(), "2", "Parallel drivers per pipeline of a task"},
  };
  return properties;
}

void validateSessionProperty(const std::string& name, const std::string& value) {
  const auto& properties = systemSessionProperties();
  auto it = std::find_if(properties.begin(), properties.end(), [&](const auto& property) { return property.name == name; });
  if (it == properties.end()) {
    throw PrestoException(errors::INVALID_SESSION_PROPERTY, "Session property " + name + " does not exist");
  }
  if (name == "execution_policy" && value != "all-at-once" && value != "phased") {
    throw PrestoException(errors::INVALID_SESSION_PROPERTY,
        "Invalid value '" + value + "' for session property execution_policy: all-at-once or phased");
  }
  if (it->type->kind() == TypeKind::kBigint) {
    int64_t number = 0;
    auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error != std::errc() || end != value.data() + value.size() || number <= 0) {
      throw PrestoException(errors::INVALID_SESSION_PROPERTY,
          "Invalid value '" + value + "' for session property " + name + ": a positive bigint is required");
    }
  }
}

} // namespace presto::engine
