#pragma once

#include "sql/parser/ast/Query.h"

namespace presto::sql {

/// `FORMAT TEXT|JSON|GRAPHVIZ` or `TYPE LOGICAL|DISTRIBUTED|IO|VALIDATE` inside EXPLAIN (...).
class ExplainOption : public NodeOf<ExplainOption, Node, NodeKind::kExplainOption> {
 public:
  enum class Type { kFormat, kType };

  Type type = Type::kFormat;
  /// Upper case, e.g. "GRAPHVIZ" or "DISTRIBUTED".
  std::string value;

  auto fields() const { return std::tie(type, value); }
};

using ExplainOptionPtr = std::shared_ptr<const ExplainOption>;

/// `EXPLAIN [ANALYZE] [(option, ...)] statement`.
class Explain : public NodeOf<Explain, Statement, NodeKind::kExplain> {
 public:
  bool analyze = false;
  std::vector<ExplainOptionPtr> options;
  StatementPtr statement;

  auto fields() const { return std::tie(analyze, options, statement); }
};

/// The `LIKE pattern [ESCAPE escape]` filter of SHOW statements; both strings.
struct LikeFilter {
  std::optional<std::string> pattern;
  std::optional<std::string> escape;

  bool operator==(const LikeFilter&) const = default;
};

/// `SHOW CATALOGS [LIKE ...]`.
class ShowCatalogs : public NodeOf<ShowCatalogs, Statement, NodeKind::kShowCatalogs> {
 public:
  LikeFilter like;

  auto fields() const { return std::tie(like); }
};

/// `SHOW SCHEMAS [FROM|IN catalog] [LIKE ...]`.
class ShowSchemas : public NodeOf<ShowSchemas, Statement, NodeKind::kShowSchemas> {
 public:
  IdentifierPtr catalog;
  LikeFilter like;

  auto fields() const { return std::tie(catalog, like); }
};

/// `SHOW TABLES [FROM|IN schema] [LIKE ...]`.
class ShowTables : public NodeOf<ShowTables, Statement, NodeKind::kShowTables> {
 public:
  std::optional<QualifiedName> schema;
  LikeFilter like;

  auto fields() const { return std::tie(schema, like); }
};

/// `SHOW COLUMNS FROM|IN table`, also written `DESCRIBE table` or `DESC table`.
class ShowColumns : public NodeOf<ShowColumns, Statement, NodeKind::kShowColumns> {
 public:
  QualifiedName table;

  auto fields() const { return std::tie(table); }
};

/// `SHOW FUNCTIONS [LIKE ...]`.
class ShowFunctions : public NodeOf<ShowFunctions, Statement, NodeKind::kShowFunctions> {
 public:
  LikeFilter like;

  auto fields() const { return std::tie(like); }
};

/// `SHOW SESSION [LIKE ...]`.
class ShowSession : public NodeOf<ShowSession, Statement, NodeKind::kShowSession> {
 public:
  LikeFilter like;

  auto fields() const { return std::tie(like); }
};

/// `SHOW CREATE TABLE|VIEW name`.
class ShowCreate : public NodeOf<ShowCreate, Statement, NodeKind::kShowCreate> {
 public:
  enum class Type { kTable, kView };

  Type type = Type::kTable;
  QualifiedName name;

  auto fields() const { return std::tie(type, name); }
};

/// `SHOW STATS FOR table` or `SHOW STATS FOR (query)`; the relation is a Table or a
/// TableSubquery.
class ShowStats : public NodeOf<ShowStats, Statement, NodeKind::kShowStats> {
 public:
  RelationPtr relation;

  auto fields() const { return std::tie(relation); }
};

/// `USE [catalog.]schema`.
class Use : public NodeOf<Use, Statement, NodeKind::kUse> {
 public:
  IdentifierPtr catalog;
  IdentifierPtr schema;

  auto fields() const { return std::tie(catalog, schema); }
};

/// `SET SESSION name = value`; the name is `property` or `catalog.property`.
class SetSession : public NodeOf<SetSession, Statement, NodeKind::kSetSession> {
 public:
  QualifiedName name;
  ExpressionPtr value;

  auto fields() const { return std::tie(name, value); }
};

/// `RESET SESSION name`.
class ResetSession : public NodeOf<ResetSession, Statement, NodeKind::kResetSession> {
 public:
  QualifiedName name;

  auto fields() const { return std::tie(name); }
};

/// `PREPARE name FROM statement`.
class Prepare : public NodeOf<Prepare, Statement, NodeKind::kPrepare> {
 public:
  IdentifierPtr name;
  StatementPtr statement;

  auto fields() const { return std::tie(name, statement); }
};

/// `EXECUTE name [USING value, ...]`.
class Execute : public NodeOf<Execute, Statement, NodeKind::kExecute> {
 public:
  IdentifierPtr name;
  std::vector<ExpressionPtr> parameters;

  auto fields() const { return std::tie(name, parameters); }
};

/// `DEALLOCATE PREPARE name`.
class Deallocate : public NodeOf<Deallocate, Statement, NodeKind::kDeallocate> {
 public:
  IdentifierPtr name;

  auto fields() const { return std::tie(name); }
};

/// `DESCRIBE INPUT name`.
class DescribeInput : public NodeOf<DescribeInput, Statement, NodeKind::kDescribeInput> {
 public:
  IdentifierPtr name;

  auto fields() const { return std::tie(name); }
};

/// `DESCRIBE OUTPUT name`.
class DescribeOutput : public NodeOf<DescribeOutput, Statement, NodeKind::kDescribeOutput> {
 public:
  IdentifierPtr name;

  auto fields() const { return std::tie(name); }
};

/// One mode of START TRANSACTION: an isolation level or an access mode.
class TransactionMode : public NodeOf<TransactionMode, Node, NodeKind::kTransactionMode> {
 public:
  enum class IsolationLevel { kReadUncommitted, kReadCommitted, kRepeatableRead, kSerializable };

  /// Set for `ISOLATION LEVEL ...`.
  std::optional<IsolationLevel> isolationLevel;
  /// Set for `READ ONLY` (true) and `READ WRITE` (false).
  std::optional<bool> readOnly;

  auto fields() const { return std::tie(isolationLevel, readOnly); }
};

using TransactionModePtr = std::shared_ptr<const TransactionMode>;

/// `START TRANSACTION [mode, ...]`.
class StartTransaction : public NodeOf<StartTransaction, Statement, NodeKind::kStartTransaction> {
 public:
  std::vector<TransactionModePtr> modes;

  auto fields() const { return std::tie(modes); }
};

/// `COMMIT [WORK]`.
class Commit : public NodeOf<Commit, Statement, NodeKind::kCommit> {
 public:
  auto fields() const { return std::tie(); }
};

/// `ROLLBACK [WORK]`.
class Rollback : public NodeOf<Rollback, Statement, NodeKind::kRollback> {
 public:
  auto fields() const { return std::tie(); }
};

/// One argument of CALL: positional `value` or named `name => value`.
class CallArgument : public NodeOf<CallArgument, Node, NodeKind::kCallArgument> {
 public:
  IdentifierPtr name;
  ExpressionPtr value;

  auto fields() const { return std::tie(name, value); }
};

using CallArgumentPtr = std::shared_ptr<const CallArgument>;

/// `CALL procedure(arguments)`.
class Call : public NodeOf<Call, Statement, NodeKind::kCall> {
 public:
  QualifiedName name;
  std::vector<CallArgumentPtr> arguments;

  auto fields() const { return std::tie(name, arguments); }
};

} // namespace presto::sql
