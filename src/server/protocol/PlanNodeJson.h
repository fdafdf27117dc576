#pragma once

// Encoding and decoding of plan node trees. A node is `{"@kind", "id", "sources": [...], ...}`
// with its own fields; symbols are referred to by name and typed once in the fragment's symbol
// table. One PlanNodeCodec per node class; the codecs of related node kinds share a file.

#include <functional>
#include <map>
#include <optional>
#include <typeindex>

#include "server/protocol/ExpressionJson.h"
#include "server/protocol/PlanFragmentJson.h"
#include "sql/planner/PlanNode.h"

namespace presto::server::planjson {

/// Encodes nodes and their fields, collecting the type of every symbol they name.
class PlanJsonWriter {
 public:
  Json node(const sql::PlanNode& node);
  /// The symbol's name; records its type (a name with two types is an internal error).
  Json symbol(const sql::Symbol& symbol);
  Json symbols(const std::vector<sql::Symbol>& symbols);
  /// The symbol's name, or null.
  Json optionalSymbol(const std::optional<sql::Symbol>& symbol);
  Json sortKeys(const std::vector<sql::SortKey>& keys);
  /// The expression, or null for a null pointer.
  Json expression(const RowExpressionPtr& expression);

  /// Name -> type signature of every symbol written so far.
  const Json& symbolTypes() const { return symbolTypes_; }

 private:
  Json symbolTypes_ = Json::object();
};

/// Decodes nodes and their fields against a fragment's symbol table.
class PlanJsonReader {
 public:
  /// `symbolTypes` is the fragment's name -> type table.
  PlanJsonReader(const PlanJsonContext& context, const Json& symbolTypes);

  sql::PlanNodePtr node(const Json& json);
  /// The symbol named by `json`; unknown names are malformed.
  sql::Symbol symbol(const Json& json);
  std::vector<sql::Symbol> symbols(const Json& json);
  std::optional<sql::Symbol> optionalSymbol(const Json& json);
  std::vector<sql::SortKey> sortKeys(const Json& json);
  /// Null for JSON null.
  RowExpressionPtr expression(const Json& json);
  ResolvedFunctionPtr function(const Json& json);
  const PlanJsonContext& context() const { return context_; }

 private:
  const PlanJsonContext& context_;
  SymbolTable symbols_;
  int depth_ = 0;
};

/// What a codec's decoder receives: the node's JSON, its id and its already decoded sources.
struct NodeInput {
  const Json& json;
  PlanJsonReader& reader;
  sql::PlanNodeId id;
  std::vector<sql::PlanNodePtr> sources;

  const Json& field(std::string_view key) const { return requireField(json, key); }
};

/// Encodes and decodes one plan node class.
struct PlanNodeCodec {
  /// The `@kind` in the JSON.
  std::string kind;
  std::type_index nodeClass;
  /// The number of sources the node takes; nullopt for any number.
  std::optional<size_t> sourceCount;
  /// Adds the node's own fields to `out` (kind, id and sources are written by the caller).
  std::function<void(const sql::PlanNode& node, PlanJsonWriter& writer, Json& out)> encode;
  std::function<sql::PlanNodePtr(const NodeInput& input)> decode;
};

/// Builds the codec of node class `Node`.
template <typename Node>
PlanNodeCodec makeCodec(std::string kind, std::optional<size_t> sourceCount,
    std::function<void(const Node& node, PlanJsonWriter& writer, Json& out)> encode,
    std::function<sql::PlanNodePtr(const NodeInput& input)> decode) {
  return {std::move(kind), std::type_index(typeid(Node)), sourceCount,
      [encode = std::move(encode)](const sql::PlanNode& node, PlanJsonWriter& writer, Json& out) {
        encode(static_cast<const Node&>(node), writer, out);
      },
      std::move(decode)};
}

/// Fails unless two decoded lists that the node pairs up have the same length.
void requireSameSize(size_t left, size_t right, std::string_view what);

/// The codecs, by family (each in its own file).
std::vector<PlanNodeCodec> sourceNodeCodecs();       // TableScan, Values, RemoteSource, Exchange
std::vector<PlanNodeCodec> relationalNodeCodecs();   // Filter, Project, Join, SemiJoin, SetOperation, Unnest, Output
std::vector<PlanNodeCodec> aggregationNodeCodecs();  // Aggregation, GroupId, MarkDistinct, Window
std::vector<PlanNodeCodec> rowLimitNodeCodecs();     // Sort, TopN, Limit, Offset, EnforceSingleRow
std::vector<PlanNodeCodec> writerNodeCodecs();       // TableWriter, TableFinish

} // namespace presto::server::planjson
