#include "sql/analyzer/AnalyzerContext.h"

#include <algorithm>

namespace presto::sql {
namespace {

FunctionKind kindFromName(const std::string& name) {
  if (name == functionKindName(FunctionKind::kAggregate)) {
    return FunctionKind::kAggregate;
  }
  if (name == functionKindName(FunctionKind::kWindow)) {
    return FunctionKind::kWindow;
  }
  return FunctionKind::kScalar;
}

} // namespace

AnalyzerContext::AnalyzerContext(const Session& session, const MetadataManager& metadata, const FunctionRegistry& functions)
    : session_(session), metadata_(metadata), functions_(functions) {
  for (const auto& listing : functions.list()) {
    kindsByName_[listing.name].insert(kindFromName(listing.kind));
  }
}

bool AnalyzerContext::hasFunctionOfKind(const std::string& name, FunctionKind kind) const {
  std::string lower = name;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) { return static_cast<char>(std::tolower(c)); });
  auto it = kindsByName_.find(lower);
  return it != kindsByName_.end() && it->second.count(kind) > 0;
}

} // namespace presto::sql
