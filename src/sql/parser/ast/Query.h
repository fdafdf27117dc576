#pragma once

#include "sql/parser/ast/Relations.h"
#include "sql/parser/ast/Statement.h"
#include "sql/parser/ast/Window.h"

namespace presto::sql {

/// `OFFSET n [ROW|ROWS]`; `rowCount` is a LongLiteral or a Parameter.
class Offset : public NodeOf<Offset, Node, NodeKind::kOffset> {
 public:
  ExpressionPtr rowCount;

  auto fields() const { return std::tie(rowCount); }
};

using OffsetPtr = std::shared_ptr<const Offset>;

/// `LIMIT n` or `LIMIT ALL` (null `rowCount`).
class Limit : public NodeOf<Limit, Node, NodeKind::kLimit> {
 public:
  ExpressionPtr rowCount;

  auto fields() const { return std::tie(rowCount); }
};

/// `FETCH FIRST|NEXT [n] ROW|ROWS ONLY|WITH TIES`; a null `rowCount` means one row.
class FetchFirst : public NodeOf<FetchFirst, Node, NodeKind::kFetchFirst> {
 public:
  ExpressionPtr rowCount;
  bool withTies = false;

  auto fields() const { return std::tie(rowCount, withTies); }
};

class With;

/// A complete query: `[WITH ...] body [ORDER BY ...] [OFFSET ...] [LIMIT|FETCH ...]`. When the
/// body is a plain SELECT, ORDER BY, OFFSET and LIMIT are stored on the QuerySpecification (they
/// may refer to its columns), as Presto does, and the fields here stay empty.
class Query : public NodeOf<Query, Statement, NodeKind::kQuery> {
 public:
  std::shared_ptr<const With> with;
  QueryBodyPtr body;
  std::vector<SortItemPtr> orderBy;
  OffsetPtr offset;
  /// A Limit or a FetchFirst.
  NodePtr limit;

  auto fields() const { return std::tie(with, body, orderBy, offset, limit); }
};

/// `name [(columns)] AS (query)` inside WITH.
class WithQuery : public NodeOf<WithQuery, Node, NodeKind::kWithQuery> {
 public:
  IdentifierPtr name;
  std::vector<IdentifierPtr> columnNames;
  QueryPtr query;

  auto fields() const { return std::tie(name, columnNames, query); }
};

using WithQueryPtr = std::shared_ptr<const WithQuery>;

/// `WITH [RECURSIVE] q1 AS (...), q2 AS (...)`.
class With : public NodeOf<With, Node, NodeKind::kWith> {
 public:
  bool recursive = false;
  std::vector<WithQueryPtr> queries;

  auto fields() const { return std::tie(recursive, queries); }
};

using WithPtr = std::shared_ptr<const With>;

/// The base of the items of a select list.
class SelectItem : public Node {
 protected:
  using Node::Node;
};

using SelectItemPtr = std::shared_ptr<const SelectItem>;

/// `expression [[AS] alias]`.
class SingleColumn : public NodeOf<SingleColumn, SelectItem, NodeKind::kSingleColumn> {
 public:
  ExpressionPtr expression;
  IdentifierPtr alias;

  auto fields() const { return std::tie(expression, alias); }
};

/// `*` (null prefix) or `prefix.*` where the prefix is an Identifier or a Dereference chain.
class AllColumns : public NodeOf<AllColumns, SelectItem, NodeKind::kAllColumns> {
 public:
  ExpressionPtr prefix;

  auto fields() const { return std::tie(prefix); }
};

/// `SELECT [DISTINCT|ALL] items`.
class Select : public NodeOf<Select, Node, NodeKind::kSelect> {
 public:
  bool distinct = false;
  std::vector<SelectItemPtr> selectItems;

  auto fields() const { return std::tie(distinct, selectItems); }
};

/// The base of the elements of GROUP BY.
class GroupingElement : public Node {
 protected:
  using Node::Node;
};

using GroupingElementPtr = std::shared_ptr<const GroupingElement>;

/// A plain grouping: `a` or the parenthesized set `(a, b)`; expressions may be ordinals.
class SimpleGroupBy : public NodeOf<SimpleGroupBy, GroupingElement, NodeKind::kSimpleGroupBy> {
 public:
  std::vector<ExpressionPtr> expressions;

  auto fields() const { return std::tie(expressions); }
};

/// `GROUPING SETS ((a, b), (a), ())`.
class GroupingSets : public NodeOf<GroupingSets, GroupingElement, NodeKind::kGroupingSets> {
 public:
  std::vector<std::vector<ExpressionPtr>> sets;

  auto fields() const { return std::tie(sets); }
};

/// `ROLLUP (a, b)`.
class Rollup : public NodeOf<Rollup, GroupingElement, NodeKind::kRollup> {
 public:
  std::vector<ExpressionPtr> expressions;

  auto fields() const { return std::tie(expressions); }
};

/// `CUBE (a, b)`.
class Cube : public NodeOf<Cube, GroupingElement, NodeKind::kCube> {
 public:
  std::vector<ExpressionPtr> expressions;

  auto fields() const { return std::tie(expressions); }
};

/// `GROUP BY [DISTINCT|ALL] element, ...`.
class GroupBy : public NodeOf<GroupBy, Node, NodeKind::kGroupBy> {
 public:
  bool distinct = false;
  std::vector<GroupingElementPtr> groupingElements;

  auto fields() const { return std::tie(distinct, groupingElements); }
};

/// `name AS (window specification)` in a WINDOW clause.
class WindowDefinition : public NodeOf<WindowDefinition, Node, NodeKind::kWindowDefinition> {
 public:
  IdentifierPtr name;
  WindowSpecificationPtr window;

  auto fields() const { return std::tie(name, window); }
};

using WindowDefinitionPtr = std::shared_ptr<const WindowDefinition>;

/// One SELECT block: `SELECT ... [FROM ...] [WHERE ...] [GROUP BY ...] [HAVING ...]
/// [WINDOW ...] [ORDER BY ...] [OFFSET ...] [LIMIT|FETCH ...]`.
class QuerySpecification
    : public NodeOf<QuerySpecification, QueryBody, NodeKind::kQuerySpecification> {
 public:
  std::shared_ptr<const Select> select;
  RelationPtr from;
  ExpressionPtr where;
  std::shared_ptr<const GroupBy> groupBy;
  ExpressionPtr having;
  std::vector<WindowDefinitionPtr> windows;
  std::vector<SortItemPtr> orderBy;
  OffsetPtr offset;
  /// A Limit or a FetchFirst.
  NodePtr limit;

  auto fields() const {
    return std::tie(select, from, where, groupBy, having, windows, orderBy, offset, limit);
  }
};

} // namespace presto::sql
