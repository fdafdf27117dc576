#pragma once

#include <map>
#include <set>

#include "function/FunctionRegistry.h"
#include "sql/analyzer/SymbolAllocator.h"
#include "sql/metadata/MetadataManager.h"

namespace presto::sql {

/// What analysis and planning of one statement share: the session, the catalogs, the functions,
/// the symbol allocator of the plan being built, and the values bound to `?` parameters.
class AnalyzerContext {
 public:
  AnalyzerContext(const Session& session, const MetadataManager& metadata, const FunctionRegistry& functions);

  const Session& session() const { return session_; }
  const MetadataManager& metadata() const { return metadata_; }
  const FunctionRegistry& functions() const { return functions_; }
  SymbolAllocator& symbols() { return symbols_; }

  /// Whether some overload of `name` is of `kind` (aggregate, window, scalar).
  bool hasFunctionOfKind(const std::string& name, FunctionKind kind) const;

  /// Values of the `?` parameters (constant expressions), from EXECUTE ... USING.
  const std::vector<RowExpressionPtr>& parameters() const { return parameters_; }
  void setParameters(std::vector<RowExpressionPtr> parameters) { parameters_ = std::move(parameters); }

 private:
  const Session& session_;
  const MetadataManager& metadata_;
  const FunctionRegistry& functions_;
  SymbolAllocator symbols_;
  std::map<std::string, std::set<FunctionKind>> kindsByName_;
  std::vector<RowExpressionPtr> parameters_;
};

} // namespace presto::sql
