#pragma once

#include "sql/parser/ast/Node.h"

namespace presto::sql {

/// The base of all expression nodes (literals, operators, calls, subqueries, ...).
class Expression : public Node {
 protected:
  using Node::Node;
};

using ExpressionPtr = std::shared_ptr<const Expression>;

/// A name: a column, field, alias, table part or function-name part. Unquoted names are
/// normalized to lower case as Presto does; quoted names keep their case. Equality compares only
/// the normalized value, so `"abc"` and `ABC` are the same name while `"ABC"` is another.
class Identifier : public NodeOf<Identifier, Expression, NodeKind::kIdentifier> {
 public:
  std::string value;
  /// Whether the name was written in double quotes (kept for formatting only).
  bool delimited = false;

  auto fields() const { return std::tie(value); }
};

using IdentifierPtr = std::shared_ptr<const Identifier>;

/// A dotted name such as `catalog.schema.table` or `schema.function`.
struct QualifiedName {
  std::vector<IdentifierPtr> parts;

  /// The parts joined with dots, e.g. "tpch.tiny.lineitem".
  std::string toString() const;
  SourceLocation location() const { return parts.front()->location; }
  bool operator==(const QualifiedName& other) const { return deepEqual(parts, other.parts); }
};

} // namespace presto::sql
