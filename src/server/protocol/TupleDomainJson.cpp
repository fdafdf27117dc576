#include "server/protocol/ExpressionJson.h"
#include "server/protocol/TableJson.h"

namespace presto::server::planjson {
namespace {

Json boundToJson(const connector::Bound& bound, const Type& type) {
  return {{"value", constantValueToJson(*bound.value, type)}, {"inclusive", bound.inclusive}};
}

connector::Bound boundFromJson(const Json& range, std::string_view key, const Type& type) {
  auto it = range.find(key);
  if (it == range.end()) {
    return connector::Bound::unbounded();
  }
  const auto& value = requireField(*it, "value");
  if (value.is_null()) {
    failMalformed("a range bound cannot be NULL");
  }
  return {constantValueFromJson(value, type), requireField(*it, "inclusive").get<bool>()};
}

Json domainToJson(const connector::Domain& domain) {
  Json ranges = Json::array();
  for (const auto& range : domain.values().ranges()) {
    Json encoded = Json::object();
    if (!range.low.isUnbounded()) {
      encoded["low"] = boundToJson(range.low, *domain.type());
    }
    if (!range.high.isUnbounded()) {
      encoded["high"] = boundToJson(range.high, *domain.type());
    }
    ranges.push_back(std::move(encoded));
  }
  return {{"type", typeToJson(*domain.type())}, {"nullAllowed", domain.nullAllowed()}, {"ranges", std::move(ranges)}};
}

connector::Domain domainFromJson(const Json& json) {
  auto type = typeFromJson(requireField(json, "type"));
  std::vector<connector::Range> ranges;
  for (const auto& range : requireArray(requireField(json, "ranges"), "ranges")) {
    if (!range.is_object()) {
      failMalformed("a range must be an object, got " + range.dump());
    }
    ranges.push_back({boundFromJson(range, "low", *type), boundFromJson(range, "high", *type)});
  }
  bool nullAllowed = requireField(json, "nullAllowed").get<bool>();
  // `all` and `none` hold for any type; other sets need an orderable one (ofRanges checks).
  if (ranges.empty()) {
    return connector::Domain(connector::ValueSet::none(type), nullAllowed);
  }
  if (ranges.size() == 1 && ranges[0] == connector::Range::all()) {
    return connector::Domain(connector::ValueSet::all(type), nullAllowed);
  }
  try {
    return connector::Domain(connector::ValueSet::ofRanges(type, std::move(ranges)), nullAllowed);
  } catch (const PrestoException& error) {
    failMalformed("bad domain " + json.dump() + ": " + error.rawMessage());
  }
}

} // namespace

Json tupleDomainToJson(const connector::TupleDomain& domain) {
  if (domain.isNone()) {
    return {{"none", true}};
  }
  Json domains = Json::object();
  for (const auto& [column, columnDomain] : domain.domains()) {
    domains[column] = domainToJson(columnDomain);
  }
  return {{"domains", std::move(domains)}};
}

connector::TupleDomain tupleDomainFromJson(const Json& json) {
  if (json.is_object() && json.contains("none")) {
    return connector::TupleDomain::none();
  }
  const auto& domains = requireField(json, "domains");
  if (!domains.is_object()) {
    failMalformed("'domains' must be an object");
  }
  std::map<std::string, connector::Domain> columns;
  for (const auto& [column, domain] : domains.items()) {
    columns.emplace(column, domainFromJson(domain));
  }
  return connector::TupleDomain::withColumnDomains(std::move(columns));
}

} // namespace presto::server::planjson
