#pragma once

// JSON of the typed pieces inside plan nodes: types, constant values, resolved functions and
// RowExpression trees.

#include <map>
#include <string>

#include "expression/RowExpression.h"
#include "server/protocol/PlanJsonEncoding.h"
#include "sql/analyzer/Symbol.h"

namespace presto::server::planjson {

/// The plan symbols of a fragment by name: variables of decoded expressions that name a symbol
/// become that symbol (shared, type checked).
using SymbolTable = std::map<std::string, sql::Symbol>;

/// A type as its signature text (`decimal(15,2)`).
Json typeToJson(const Type& type);
/// Parses a type signature; signatures nested deeper than kMaxNestingDepth are refused.
TypePtr typeFromJson(const Json& json);

/// A value of `type`, lossless: NULL as null; booleans, integer-like types (dates, times,
/// intervals included) and floating point as JSON numbers (NaN and infinities as strings);
/// decimals as the string of their unscaled integer; varbinary as lowercase hex; other strings
/// as strings; arrays and rows as arrays; maps as arrays of [key, value] pairs.
Json constantValueToJson(const Value& value, const Type& type);
Value constantValueFromJson(const Json& json, const Type& type);

/// A function by name, kind, argument types and return type.
Json functionToJson(const ResolvedFunction& function);
/// Resolves the function again in `functions`; fails when the node does not know it or
/// resolves it to a different return type.
ResolvedFunctionPtr functionFromJson(const Json& json, const FunctionRegistry& functions);

/// An expression tree, tagged by `@kind` per node.
Json expressionToJson(const RowExpression& expression);
RowExpressionPtr expressionFromJson(const Json& json, const FunctionRegistry& functions, const SymbolTable& symbols);

} // namespace presto::server::planjson
