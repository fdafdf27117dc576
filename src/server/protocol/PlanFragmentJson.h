#pragma once

#include <string>
#include <string_view>

#include "function/FunctionRegistry.h"
#include "sql/metadata/MetadataManager.h"
#include "sql/optimizer/PlanFragmenter.h"

namespace presto::server {

/// What decoding a plan fragment needs from the receiving node: the catalogs whose connectors'
/// HandleCodecs rebuild table and column handles, and the functions that calls are resolved
/// against again (by name, kind and argument types).
struct PlanJsonContext {
  const sql::MetadataManager& metadata;
  const FunctionRegistry& functions;
};

/// Encodes a plan fragment (its partitioning, output, symbols and whole plan tree) as the JSON a
/// coordinator sends a worker in a task update. The format is described in
/// docs/dev/plan-fragment-json.md. Node kinds the optimizer removes before fragmenting (Apply,
/// LateralJoin) cannot be encoded: NOT_SUPPORTED naming the node.
std::string planFragmentToJson(const sql::PlanFragment& fragment);

/// Decodes what planFragmentToJson wrote. Malformed JSON, unknown node or expression kinds,
/// unknown symbols and inconsistent nodes are GENERIC_INTERNAL_ERROR ("Malformed plan fragment
/// JSON: ..."); functions or catalogs this node does not have keep the registry's or
/// NOT_FOUND's error code. Never crashes on hostile input.
sql::PlanFragment planFragmentFromJson(std::string_view json, const PlanJsonContext& context);

} // namespace presto::server
