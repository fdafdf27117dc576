#pragma once

#include "sql/parser/ast/Expression.h"
#include "sql/parser/ast/Operators.h"

namespace presto::sql {

/// The base of everything FROM accepts: tables, joins, subqueries, UNNEST, ...
class Relation : public Node {
 protected:
  using Node::Node;
};

using RelationPtr = std::shared_ptr<const Relation>;

/// The base of what can form a query's body: SELECT blocks, set operations, VALUES, `TABLE t`
/// and parenthesized queries.
class QueryBody : public Relation {
 protected:
  using Relation::Relation;
};

using QueryBodyPtr = std::shared_ptr<const QueryBody>;

/// A table (or view) by name, in FROM or as `TABLE name`.
class Table : public NodeOf<Table, QueryBody, NodeKind::kTable> {
 public:
  QualifiedName name;

  auto fields() const { return std::tie(name); }
};

/// `(query)` in FROM or as a query term.
class TableSubquery : public NodeOf<TableSubquery, QueryBody, NodeKind::kTableSubquery> {
 public:
  QueryPtr query;

  auto fields() const { return std::tie(query); }
};

/// `VALUES row, ...`; each row is a Row or a single expression.
class Values : public NodeOf<Values, QueryBody, NodeKind::kValues> {
 public:
  std::vector<ExpressionPtr> rows;

  auto fields() const { return std::tie(rows); }
};

/// `left UNION|INTERSECT|EXCEPT [ALL|DISTINCT] right`; INTERSECT binds tighter than UNION and
/// EXCEPT, and all are left-associative.
class SetOperation : public NodeOf<SetOperation, QueryBody, NodeKind::kSetOperation> {
 public:
  enum class Operator { kUnion, kIntersect, kExcept };

  Operator op = Operator::kUnion;
  bool distinct = true;
  QueryBodyPtr left;
  QueryBodyPtr right;

  auto fields() const { return std::tie(op, distinct, left, right); }
};

/// `relation [AS] alias [(columns)]`.
class AliasedRelation : public NodeOf<AliasedRelation, Relation, NodeKind::kAliasedRelation> {
 public:
  RelationPtr relation;
  IdentifierPtr alias;
  std::vector<IdentifierPtr> columnNames;

  auto fields() const { return std::tie(relation, alias, columnNames); }
};

/// `relation TABLESAMPLE BERNOULLI|SYSTEM (percentage)`.
class SampledRelation : public NodeOf<SampledRelation, Relation, NodeKind::kSampledRelation> {
 public:
  enum class Type { kBernoulli, kSystem };

  RelationPtr relation;
  Type type = Type::kBernoulli;
  ExpressionPtr samplePercentage;

  auto fields() const { return std::tie(relation, type, samplePercentage); }
};

/// A join. Comma-separated FROM items are kImplicit joins; `natural` joins have no condition.
class Join : public NodeOf<Join, Relation, NodeKind::kJoin> {
 public:
  enum class Type { kCross, kImplicit, kInner, kLeft, kRight, kFull };

  Type type = Type::kInner;
  RelationPtr left;
  RelationPtr right;
  /// The ON condition, if any.
  ExpressionPtr condition;
  /// The USING columns, if any.
  std::vector<IdentifierPtr> usingColumns;
  bool natural = false;

  auto fields() const { return std::tie(type, left, right, condition, usingColumns, natural); }
};

/// `UNNEST(expressions) [WITH ORDINALITY]`.
class Unnest : public NodeOf<Unnest, Relation, NodeKind::kUnnest> {
 public:
  std::vector<ExpressionPtr> expressions;
  bool withOrdinality = false;

  auto fields() const { return std::tie(expressions, withOrdinality); }
};

/// `LATERAL (query)`.
class Lateral : public NodeOf<Lateral, Relation, NodeKind::kLateral> {
 public:
  QueryPtr query;

  auto fields() const { return std::tie(query); }
};

} // namespace presto::sql
