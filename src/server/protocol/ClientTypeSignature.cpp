#include "server/protocol/ClientTypeSignature.h"

#include <nlohmann/json.hpp>

namespace presto::server {
namespace {

using nlohmann::json;

/// The base name of a type's signature: `decimal` for decimal(10,2), `row` for row(a bigint).
std::string rawTypeOf(const Type& type) {
  switch (type.kind()) {
    case TypeKind::kDecimal:
      return "decimal";
    case TypeKind::kVarchar:
      return "varchar";
    case TypeKind::kChar:
      return "char";
    case TypeKind::kArray:
      return "array";
    case TypeKind::kMap:
      return "map";
    case TypeKind::kRow:
      return "row";
    default:
      return type.toString();
  }
}

json typeArgument(const Type& type) {
  return {{"kind", "TYPE_SIGNATURE"}, {"value", clientTypeSignature(type)}};
}

json longArgument(int64_t value) {
  return {{"kind", "LONG_LITERAL"}, {"value", value}};
}

} // namespace

json clientTypeSignature(const Type& type) {
  json arguments = json::array();
  json typeArguments = json::array();
  bool allTypes = true;
  switch (type.kind()) {
    case TypeKind::kDecimal:
      arguments.push_back(longArgument(asDecimal(type).precision()));
      arguments.push_back(longArgument(asDecimal(type).scale()));
      allTypes = false;
      break;
    case TypeKind::kVarchar:
    case TypeKind::kChar:
      arguments.push_back(longArgument(asString(type).length()));
      allTypes = false;
      break;
    case TypeKind::kArray:
    case TypeKind::kMap:
      for (const auto& child : type.children()) {
        arguments.push_back(typeArgument(*child));
        typeArguments.push_back(clientTypeSignature(*child));
      }
      break;
    case TypeKind::kRow: {
      const auto& row = asRow(type);
      for (size_t i = 0; i < row.size(); ++i) {
        json field = {{"typeSignature", row.childAt(i)->toString()}};
        if (!row.nameOf(i).empty()) {
          field["fieldName"] = {{"name", row.nameOf(i)}, {"delimited", false}};
        }
        arguments.push_back({{"kind", "NAMED_TYPE_SIGNATURE"}, {"value", std::move(field)}});
        typeArguments.push_back(clientTypeSignature(*row.childAt(i)));
      }
      break;
    }
    default:
      break;
  }
  return {{"rawType", rawTypeOf(type)}, {"arguments", std::move(arguments)},
      {"typeArguments", allTypes ? std::move(typeArguments) : json::array()}, {"literalArguments", json::array()}};
}

} // namespace presto::server
