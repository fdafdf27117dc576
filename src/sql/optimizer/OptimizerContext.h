#pragma once

#include <set>
#include <string>

#include "sql/analyzer/SymbolAllocator.h"
#include "sql/metadata/MetadataManager.h"
#include "sql/optimizer/ExpressionFactory.h"
#include "sql/planner/PlanNode.h"

namespace presto::sql {

/// What the rules and passes optimizing one plan share: the session, catalogs and functions, a
/// symbol allocator that avoids every name of the plan, a node id allocator starting past the
/// plan's ids, an expression factory, and the set of rules the session disabled.
class OptimizerContext {
 public:
  OptimizerContext(const PlanNodePtr& plan, const Session& session, const MetadataManager& metadata,
      const FunctionRegistry& functions);

  const Session& session() const { return session_; }
  const MetadataManager& metadata() const { return metadata_; }
  const FunctionRegistry& functions() const { return functions_; }
  const ExpressionFactory& expressions() const { return expressions_; }

  PlanNodeId nextId() { return ids_.next(); }
  Symbol newSymbol(const std::string& nameHint, TypePtr type) { return symbols_.newSymbol(nameHint, std::move(type)); }

  /// Whether the rule or pass `name` is not listed in the session's `disabled_optimizer_rules`.
  bool isEnabled(const std::string& name) const { return disabled_.count(name) == 0; }

 private:
  const Session& session_;
  const MetadataManager& metadata_;
  const FunctionRegistry& functions_;
  ExpressionFactory expressions_;
  SymbolAllocator symbols_;
  PlanNodeIdAllocator ids_;
  std::set<std::string> disabled_;
};

/// The session property listing disabled rules, comma separated.
inline constexpr const char* kDisabledOptimizerRules = "disabled_optimizer_rules";

} // namespace presto::sql
