#include "server/protocol/ExpressionJson.h"

namespace presto::server::planjson {
namespace {

FunctionKind functionKindFromJson(const Json& json) {
  for (auto kind : {FunctionKind::kScalar, FunctionKind::kAggregate, FunctionKind::kWindow}) {
    if (json.is_string() && json.get_ref<const std::string&>() == functionKindName(kind)) {
      return kind;
    }
  }
  failMalformed("unknown function kind " + json.dump());
}

std::string signatureText(const std::string& name, const std::vector<TypePtr>& types) {
  std::string text = name + "(";
  for (size_t i = 0; i < types.size(); ++i) {
    text += (i > 0 ? ", " : "") + types[i]->toString();
  }
  return text + ")";
}

} // namespace

Json functionToJson(const ResolvedFunction& function) {
  Json argumentTypes = Json::array();
  for (const auto& type : function.argumentTypes) {
    argumentTypes.push_back(typeToJson(*type));
  }
  return {{"name", function.name()}, {"kind", std::string(functionKindName(function.entry->metadata.kind))},
      {"argumentTypes", std::move(argumentTypes)}, {"returnType", typeToJson(*function.returnType)}};
}

ResolvedFunctionPtr functionFromJson(const Json& json, const FunctionRegistry& functions) {
  auto name = requireField(json, "name").get<std::string>();
  auto kind = functionKindFromJson(requireField(json, "kind"));
  std::vector<TypePtr> argumentTypes;
  for (const auto& type : requireArray(requireField(json, "argumentTypes"), "argumentTypes")) {
    argumentTypes.push_back(typeFromJson(type));
  }
  auto returnType = typeFromJson(requireField(json, "returnType"));
  ResolvedFunctionPtr resolved;
  try {
    resolved = functions.resolve(name, argumentTypes, kind);
  } catch (const PrestoException& error) {
    throw PrestoException(error.errorCode(),
        "Plan fragment calls " + signatureText(name, argumentTypes) + ", unknown on this node: " + error.rawMessage());
  }
  bool sameArguments = resolved->argumentTypes.size() == argumentTypes.size();
  for (size_t i = 0; sameArguments && i < argumentTypes.size(); ++i) {
    sameArguments = sameType(resolved->argumentTypes[i], argumentTypes[i]);
  }
  if (!sameArguments || !sameType(resolved->returnType, returnType)) {
    failMalformed(signatureText(name, argumentTypes) + " returning " + returnType->toString() + " resolves to " +
        resolved->toString() + " returning " + resolved->returnType->toString() + " on this node");
  }
  return resolved;
}

} // namespace presto::server::planjson
