#include "server/protocol/PlanNodeJson.h"

#include <unordered_map>

namespace presto::server::planjson {
namespace {

/// Every codec, findable by node class (encoding) and by kind (decoding).
class PlanNodeCodecs {
 public:
  static const PlanNodeCodecs& instance() {
    static const PlanNodeCodecs codecs;
    return codecs;
  }

  const PlanNodeCodec& forNode(const sql::PlanNode& node) const {
    auto it = byClass_.find(std::type_index(typeid(node)));
    if (it == byClass_.end()) {
      throw PrestoException(errors::NOT_SUPPORTED, "Plan node " + node.name() + " cannot be serialized to JSON");
    }
    return codecs_[it->second];
  }

  const PlanNodeCodec& forKind(const std::string& kind) const {
    auto it = byKind_.find(kind);
    if (it == byKind_.end()) {
      failMalformed("unknown plan node kind '" + kind + "'");
    }
    return codecs_[it->second];
  }

 private:
  PlanNodeCodecs() {
    for (auto family : {sourceNodeCodecs, relationalNodeCodecs, aggregationNodeCodecs, rowLimitNodeCodecs, writerNodeCodecs}) {
      for (auto& codec : family()) {
        byClass_.emplace(codec.nodeClass, codecs_.size());
        byKind_.emplace(codec.kind, codecs_.size());
        codecs_.push_back(std::move(codec));
      }
    }
  }

  std::vector<PlanNodeCodec> codecs_;
  std::unordered_map<std::type_index, size_t> byClass_;
  std::unordered_map<std::string, size_t> byKind_;
};

} // namespace

void requireSameSize(size_t left, size_t right, std::string_view what) {
  if (left != right) {
    failMalformed(std::string(what) + ": " + std::to_string(left) + " versus " + std::to_string(right));
  }
}

Json PlanJsonWriter::node(const sql::PlanNode& node) {
  const auto& codec = PlanNodeCodecs::instance().forNode(node);
  Json sources = Json::array();
  for (const auto& source : node.sources()) {
    sources.push_back(this->node(*source));
  }
  Json out = {{"@kind", codec.kind}, {"id", node.id()}, {"sources", std::move(sources)}};
  codec.encode(node, *this, out);
  return out;
}

Json PlanJsonWriter::symbol(const sql::Symbol& symbol) {
  auto type = typeToJson(*symbol->type());
  auto [it, added] = symbolTypes_.emplace(symbol->name(), type);
  if (!added && *it != type) {
    throw PrestoException(errors::GENERIC_INTERNAL_ERROR,
        "symbol " + symbol->name() + " has two types: " + it->dump() + " and " + type.dump());
  }
  return symbol->name();
}

Json PlanJsonWriter::symbols(const std::vector<sql::Symbol>& symbols) {
  Json names = Json::array();
  for (const auto& symbol : symbols) {
    names.push_back(this->symbol(symbol));
  }
  return names;
}

Json PlanJsonWriter::optionalSymbol(const std::optional<sql::Symbol>& symbol) {
  return symbol ? this->symbol(*symbol) : Json(nullptr);
}

Json PlanJsonWriter::sortKeys(const std::vector<sql::SortKey>& keys) {
  Json encoded = Json::array();
  for (const auto& key : keys) {
    encoded.push_back({{"symbol", symbol(key.symbol)}, {"ascending", key.ascending}, {"nullsFirst", key.nullsFirst}});
  }
  return encoded;
}

Json PlanJsonWriter::expression(const RowExpressionPtr& expression) {
  return expression ? expressionToJson(*expression) : Json(nullptr);
}

PlanJsonReader::PlanJsonReader(const PlanJsonContext& context, const Json& symbolTypes) : context_(context) {
  if (!symbolTypes.is_object()) {
    failMalformed("'symbols' must be an object of name -> type");
  }
  for (const auto& [name, type] : symbolTypes.items()) {
    symbols_.emplace(name, std::make_shared<VariableReferenceExpression>(name, typeFromJson(type)));
  }
}

sql::PlanNodePtr PlanJsonReader::node(const Json& json) {
  if (++depth_ > kMaxNestingDepth) {
    failMalformed("plan nested too deeply");
  }
  const auto& codec = PlanNodeCodecs::instance().forKind(requireField(json, "@kind").get<std::string>());
  auto id = requireField(json, "id").get<sql::PlanNodeId>();
  std::vector<sql::PlanNodePtr> sources;
  for (const auto& source : requireArray(requireField(json, "sources"), "sources")) {
    sources.push_back(node(source));
  }
  if (codec.sourceCount && sources.size() != *codec.sourceCount) {
    failMalformed(codec.kind + " node " + std::to_string(id) + " with " + std::to_string(sources.size()) + " sources");
  }
  auto decoded = codec.decode(NodeInput{json, *this, id, std::move(sources)});
  --depth_;
  return decoded;
}

sql::Symbol PlanJsonReader::symbol(const Json& json) {
  auto it = json.is_string() ? symbols_.find(json.get_ref<const std::string&>()) : symbols_.end();
  if (it == symbols_.end()) {
    failMalformed("unknown symbol " + json.dump());
  }
  return it->second;
}

std::vector<sql::Symbol> PlanJsonReader::symbols(const Json& json) {
  std::vector<sql::Symbol> symbols;
  for (const auto& name : requireArray(json, "symbols")) {
    symbols.push_back(symbol(name));
  }
  return symbols;
}

std::optional<sql::Symbol> PlanJsonReader::optionalSymbol(const Json& json) {
  return json.is_null() ? std::nullopt : std::optional<sql::Symbol>(symbol(json));
}

std::vector<sql::SortKey> PlanJsonReader::sortKeys(const Json& json) {
  std::vector<sql::SortKey> keys;
  for (const auto& key : requireArray(json, "sort keys")) {
    keys.push_back({symbol(requireField(key, "symbol")), requireField(key, "ascending").get<bool>(),
        requireField(key, "nullsFirst").get<bool>()});
  }
  return keys;
}

RowExpressionPtr PlanJsonReader::expression(const Json& json) {
  return json.is_null() ? nullptr : expressionFromJson(json, context_.functions, symbols_);
}

ResolvedFunctionPtr PlanJsonReader::function(const Json& json) {
  return functionFromJson(json, context_.functions);
}

} // namespace presto::server::planjson
