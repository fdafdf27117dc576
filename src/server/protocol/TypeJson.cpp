#include "server/protocol/ExpressionJson.h"

#include "type/TypeSignature.h"

namespace presto::server::planjson {
namespace {

/// The deepest parenthesis nesting of a signature (the type parser recurses per level).
int nestingDepth(std::string_view signature) {
  int depth = 0;
  int deepest = 0;
  for (char c : signature) {
    depth += c == '(' ? 1 : (c == ')' ? -1 : 0);
    deepest = std::max(deepest, depth);
  }
  return deepest;
}

} // namespace

Json typeToJson(const Type& type) {
  return type.toString();
}

TypePtr typeFromJson(const Json& json) {
  if (!json.is_string()) {
    failMalformed("a type must be a signature string, got " + json.dump());
  }
  const auto& signature = json.get_ref<const std::string&>();
  if (nestingDepth(signature) > kMaxNestingDepth) {
    failMalformed("type signature nested too deeply");
  }
  try {
    return parseTypeSignature(signature);
  } catch (const PrestoException& error) {
    failMalformed("bad type '" + signature + "': " + error.rawMessage());
  }
}

} // namespace presto::server::planjson
