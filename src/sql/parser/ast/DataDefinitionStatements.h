#pragma once

#include "sql/parser/ast/Query.h"

namespace presto::sql {

/// `name = value` in a `WITH (...)` property list.
class Property : public NodeOf<Property, Node, NodeKind::kProperty> {
 public:
  IdentifierPtr name;
  ExpressionPtr value;

  auto fields() const { return std::tie(name, value); }
};

using PropertyPtr = std::shared_ptr<const Property>;

/// `name type [NOT NULL] [COMMENT '...'] [WITH (properties)]` in CREATE TABLE or ADD COLUMN.
class ColumnDefinition : public NodeOf<ColumnDefinition, Node, NodeKind::kColumnDefinition> {
 public:
  IdentifierPtr name;
  /// Canonical type signature, as in Cast.
  std::string type;
  bool nullable = true;
  std::optional<std::string> comment;
  std::vector<PropertyPtr> properties;

  auto fields() const { return std::tie(name, type, nullable, comment, properties); }
};

using ColumnDefinitionPtr = std::shared_ptr<const ColumnDefinition>;

/// `CREATE SCHEMA [IF NOT EXISTS] name [WITH (properties)]`.
class CreateSchema : public NodeOf<CreateSchema, Statement, NodeKind::kCreateSchema> {
 public:
  QualifiedName name;
  bool notExists = false;
  std::vector<PropertyPtr> properties;

  auto fields() const { return std::tie(name, notExists, properties); }
};

/// `DROP SCHEMA [IF EXISTS] name [CASCADE|RESTRICT]`.
class DropSchema : public NodeOf<DropSchema, Statement, NodeKind::kDropSchema> {
 public:
  QualifiedName name;
  bool exists = false;
  bool cascade = false;

  auto fields() const { return std::tie(name, exists, cascade); }
};

/// `CREATE TABLE [IF NOT EXISTS] name (column, ...) [COMMENT '...'] [WITH (properties)]`.
class CreateTable : public NodeOf<CreateTable, Statement, NodeKind::kCreateTable> {
 public:
  QualifiedName name;
  std::vector<ColumnDefinitionPtr> columns;
  bool notExists = false;
  std::optional<std::string> comment;
  std::vector<PropertyPtr> properties;

  auto fields() const { return std::tie(name, columns, notExists, comment, properties); }
};

/// `CREATE TABLE [IF NOT EXISTS] name [(column names)] [COMMENT '...'] [WITH (properties)]
/// AS query [WITH [NO] DATA]`.
class CreateTableAsSelect
    : public NodeOf<CreateTableAsSelect, Statement, NodeKind::kCreateTableAsSelect> {
 public:
  QualifiedName name;
  std::vector<IdentifierPtr> columnAliases;
  bool notExists = false;
  std::optional<std::string> comment;
  std::vector<PropertyPtr> properties;
  QueryPtr query;
  bool withData = true;

  auto fields() const {
    return std::tie(name, columnAliases, notExists, comment, properties, query, withData);
  }
};

/// `CREATE [OR REPLACE] VIEW name [SECURITY DEFINER|INVOKER] AS query`.
class CreateView : public NodeOf<CreateView, Statement, NodeKind::kCreateView> {
 public:
  enum class Security { kUnspecified, kDefiner, kInvoker };

  QualifiedName name;
  bool replace = false;
  Security security = Security::kUnspecified;
  QueryPtr query;

  auto fields() const { return std::tie(name, replace, security, query); }
};

/// `DROP TABLE [IF EXISTS] name`.
class DropTable : public NodeOf<DropTable, Statement, NodeKind::kDropTable> {
 public:
  QualifiedName name;
  bool exists = false;

  auto fields() const { return std::tie(name, exists); }
};

/// `DROP VIEW [IF EXISTS] name`.
class DropView : public NodeOf<DropView, Statement, NodeKind::kDropView> {
 public:
  QualifiedName name;
  bool exists = false;

  auto fields() const { return std::tie(name, exists); }
};

/// `ALTER TABLE [IF EXISTS] source RENAME TO target`.
class RenameTable : public NodeOf<RenameTable, Statement, NodeKind::kRenameTable> {
 public:
  QualifiedName source;
  QualifiedName target;
  bool exists = false;

  auto fields() const { return std::tie(source, target, exists); }
};

/// `ALTER TABLE [IF EXISTS] name ADD COLUMN [IF NOT EXISTS] column`.
class AddColumn : public NodeOf<AddColumn, Statement, NodeKind::kAddColumn> {
 public:
  QualifiedName table;
  ColumnDefinitionPtr column;
  bool tableExists = false;
  bool columnNotExists = false;

  auto fields() const { return std::tie(table, column, tableExists, columnNotExists); }
};

/// `ALTER TABLE [IF EXISTS] name DROP COLUMN [IF EXISTS] column`.
class DropColumn : public NodeOf<DropColumn, Statement, NodeKind::kDropColumn> {
 public:
  QualifiedName table;
  IdentifierPtr column;
  bool tableExists = false;
  bool columnExists = false;

  auto fields() const { return std::tie(table, column, tableExists, columnExists); }
};

/// `ALTER TABLE [IF EXISTS] name RENAME COLUMN [IF EXISTS] source TO target`.
class RenameColumn : public NodeOf<RenameColumn, Statement, NodeKind::kRenameColumn> {
 public:
  QualifiedName table;
  IdentifierPtr source;
  IdentifierPtr target;
  bool tableExists = false;
  bool columnExists = false;

  auto fields() const { return std::tie(table, source, target, tableExists, columnExists); }
};

/// `INSERT INTO table [(columns)] query`.
class Insert : public NodeOf<Insert, Statement, NodeKind::kInsert> {
 public:
  QualifiedName target;
  std::vector<IdentifierPtr> columns;
  QueryPtr query;

  auto fields() const { return std::tie(target, columns, query); }
};

/// `DELETE FROM table [WHERE condition]`.
class Delete : public NodeOf<Delete, Statement, NodeKind::kDelete> {
 public:
  QualifiedName table;
  ExpressionPtr where;

  auto fields() const { return std::tie(table, where); }
};

/// `column = value` in UPDATE ... SET.
class UpdateAssignment : public NodeOf<UpdateAssignment, Node, NodeKind::kUpdateAssignment> {
 public:
  IdentifierPtr name;
  ExpressionPtr value;

  auto fields() const { return std::tie(name, value); }
};

using UpdateAssignmentPtr = std::shared_ptr<const UpdateAssignment>;

/// `UPDATE table SET column = value, ... [WHERE condition]`.
class Update : public NodeOf<Update, Statement, NodeKind::kUpdate> {
 public:
  QualifiedName table;
  std::vector<UpdateAssignmentPtr> assignments;
  ExpressionPtr where;

  auto fields() const { return std::tie(table, assignments, where); }
};

/// `ANALYZE table [WITH (properties)]`.
class Analyze : public NodeOf<Analyze, Statement, NodeKind::kAnalyze> {
 public:
  QualifiedName table;
  std::vector<PropertyPtr> properties;

  auto fields() const { return std::tie(table, properties); }
};

} // namespace presto::sql
