#include "common/Check.h"
#include "sql/parser/Formatter.h"

namespace presto::sql {
namespace {

std::string_view isolationLevelText(TransactionMode::IsolationLevel level) {
  switch (level) {
    case TransactionMode::IsolationLevel::kReadUncommitted:
      return "READ UNCOMMITTED";
    case TransactionMode::IsolationLevel::kReadCommitted:
      return "READ COMMITTED";
    case TransactionMode::IsolationLevel::kRepeatableRead:
      return "REPEATABLE READ";
    case TransactionMode::IsolationLevel::kSerializable:
      return "SERIALIZABLE";
  }
  return "";
}

} // namespace

void Formatter::likeFilter(const LikeFilter& filter) {
  if (filter.pattern.has_value()) {
    append(" LIKE ");
    stringLiteral(*filter.pattern);
    if (filter.escape.has_value()) {
      append(" ESCAPE ");
      stringLiteral(*filter.escape);
    }
  }
}

void Formatter::properties(const std::vector<PropertyPtr>& items) {
  if (items.empty()) {
    return;
  }
  append(" WITH (");
  list(items, [&](const PropertyPtr& property) {
    identifier(*property->name);
    append(" = ");
    expression(*property->value);
  });
  out_ += ')';
}

void Formatter::columnDefinition(const ColumnDefinition& column) {
  identifier(*column.name);
  out_ += ' ';
  append(column.type);
  if (!column.nullable) {
    append(" NOT NULL");
  }
  if (column.comment.has_value()) {
    append(" COMMENT ");
    stringLiteral(*column.comment);
  }
  properties(column.properties);
}

void Formatter::identifierList(const std::vector<IdentifierPtr>& identifiers) {
  out_ += '(';
  list(identifiers, [&](const IdentifierPtr& name) { identifier(*name); });
  out_ += ')';
}

void Formatter::ifExists(bool exists) {
  if (exists) {
    append("IF EXISTS ");
  }
}

void Formatter::ifNotExists(bool notExists) {
  if (notExists) {
    append("IF NOT EXISTS ");
  }
}

void Formatter::statement(const Statement& node) {
  switch (node.kind()) {
    case NodeKind::kQuery:
      query(node.as<Query>());
      return;
    case NodeKind::kExplain: {
      const auto& explain = node.as<Explain>();
      append(explain.analyze ? "EXPLAIN ANALYZE " : "EXPLAIN ");
      if (!explain.options.empty()) {
        out_ += '(';
        list(explain.options, [&](const ExplainOptionPtr& option) {
          append(option->type == ExplainOption::Type::kFormat ? "FORMAT " : "TYPE ");
          append(option->value);
        });
        append(") ");
      }
      statement(*explain.statement);
      return;
    }
    case NodeKind::kShowCatalogs:
      append("SHOW CATALOGS");
      likeFilter(node.as<ShowCatalogs>().like);
      return;
    case NodeKind::kShowSchemas: {
      const auto& show = node.as<ShowSchemas>();
      append("SHOW SCHEMAS");
      if (show.catalog != nullptr) {
        append(" FROM ");
        identifier(*show.catalog);
      }
      likeFilter(show.like);
      return;
    }
    case NodeKind::kShowTables: {
      const auto& show = node.as<ShowTables>();
      append("SHOW TABLES");
      if (show.schema.has_value()) {
        append(" FROM ");
        qualifiedName(*show.schema);
      }
      likeFilter(show.like);
      return;
    }
    case NodeKind::kShowColumns:
      append("SHOW COLUMNS FROM ");
      qualifiedName(node.as<ShowColumns>().table);
      return;
    case NodeKind::kShowFunctions:
      append("SHOW FUNCTIONS");
      likeFilter(node.as<ShowFunctions>().like);
      return;
    case NodeKind::kShowSession:
      append("SHOW SESSION");
      likeFilter(node.as<ShowSession>().like);
      return;
    case NodeKind::kShowCreate: {
      const auto& show = node.as<ShowCreate>();
      append(show.type == ShowCreate::Type::kTable ? "SHOW CREATE TABLE " : "SHOW CREATE VIEW ");
      qualifiedName(show.name);
      return;
    }
    case NodeKind::kShowStats:
      append("SHOW STATS FOR ");
      relation(*node.as<ShowStats>().relation);
      return;
    case NodeKind::kUse: {
      const auto& use = node.as<Use>();
      append("USE ");
      if (use.catalog != nullptr) {
        identifier(*use.catalog);
        out_ += '.';
      }
      identifier(*use.schema);
      return;
    }
    case NodeKind::kSetSession:
      append("SET SESSION ");
      qualifiedName(node.as<SetSession>().name);
      append(" = ");
      expression(*node.as<SetSession>().value);
      return;
    case NodeKind::kResetSession:
      append("RESET SESSION ");
      qualifiedName(node.as<ResetSession>().name);
      return;
    case NodeKind::kCreateSchema: {
      const auto& create = node.as<CreateSchema>();
      append("CREATE SCHEMA ");
      ifNotExists(create.notExists);
      qualifiedName(create.name);
      properties(create.properties);
      return;
    }
    case NodeKind::kDropSchema: {
      const auto& drop = node.as<DropSchema>();
      append("DROP SCHEMA ");
      ifExists(drop.exists);
      qualifiedName(drop.name);
      if (drop.cascade) {
        append(" CASCADE");
      }
      return;
    }
    case NodeKind::kCreateTable: {
      const auto& create = node.as<CreateTable>();
      append("CREATE TABLE ");
      ifNotExists(create.notExists);
      qualifiedName(create.name);
      out_ += ' ';
      openBlock();
      for (size_t i = 0; i < create.columns.size(); ++i) {
        if (i > 0) {
          out_ += ',';
          newline();
        }
        columnDefinition(*create.columns[i]);
      }
      closeBlock();
      if (create.comment.has_value()) {
        append(" COMMENT ");
        stringLiteral(*create.comment);
      }
      properties(create.properties);
      return;
    }
    case NodeKind::kCreateTableAsSelect: {
      const auto& create = node.as<CreateTableAsSelect>();
      append("CREATE TABLE ");
      ifNotExists(create.notExists);
      qualifiedName(create.name);
      if (!create.columnAliases.empty()) {
        out_ += ' ';
        identifierList(create.columnAliases);
      }
      if (create.comment.has_value()) {
        append(" COMMENT ");
        stringLiteral(*create.comment);
      }
      properties(create.properties);
      append(" AS");
      newline();
      query(*create.query);
      if (!create.withData) {
        newline();
        append("WITH NO DATA");
      }
      return;
    }
    case NodeKind::kCreateView: {
      const auto& create = node.as<CreateView>();
      append(create.replace ? "CREATE OR REPLACE VIEW " : "CREATE VIEW ");
      qualifiedName(create.name);
      if (create.security == CreateView::Security::kDefiner) {
        append(" SECURITY DEFINER");
      } else if (create.security == CreateView::Security::kInvoker) {
        append(" SECURITY INVOKER");
      }
      append(" AS");
      newline();
      query(*create.query);
      return;
    }
    case NodeKind::kDropTable:
      append("DROP TABLE ");
      ifExists(node.as<DropTable>().exists);
      qualifiedName(node.as<DropTable>().name);
      return;
    case NodeKind::kDropView:
      append("DROP VIEW ");
      ifExists(node.as<DropView>().exists);
      qualifiedName(node.as<DropView>().name);
      return;
    case NodeKind::kRenameTable: {
      const auto& rename = node.as<RenameTable>();
      append("ALTER TABLE ");
      ifExists(rename.exists);
      qualifiedName(rename.source);
      append(" RENAME TO ");
      qualifiedName(rename.target);
      return;
    }
    case NodeKind::kAddColumn: {
      const auto& add = node.as<AddColumn>();
      append("ALTER TABLE ");
      ifExists(add.tableExists);
      qualifiedName(add.table);
      append(" ADD COLUMN ");
      ifNotExists(add.columnNotExists);
      columnDefinition(*add.column);
      return;
    }
    case NodeKind::kDropColumn: {
      const auto& drop = node.as<DropColumn>();
      append("ALTER TABLE ");
      ifExists(drop.tableExists);
      qualifiedName(drop.table);
      append(" DROP COLUMN ");
      ifExists(drop.columnExists);
      identifier(*drop.column);
      return;
    }
    case NodeKind::kRenameColumn: {
      const auto& rename = node.as<RenameColumn>();
      append("ALTER TABLE ");
      ifExists(rename.tableExists);
      qualifiedName(rename.table);
      append(" RENAME COLUMN ");
      ifExists(rename.columnExists);
      identifier(*rename.source);
      append(" TO ");
      identifier(*rename.target);
      return;
    }
    case NodeKind::kInsert: {
      const auto& insert = node.as<Insert>();
      append("INSERT INTO ");
      qualifiedName(insert.target);
      if (!insert.columns.empty()) {
        out_ += ' ';
        identifierList(insert.columns);
      }
      newline();
      query(*insert.query);
      return;
    }
    case NodeKind::kDelete: {
      const auto& remove = node.as<Delete>();
      append("DELETE FROM ");
      qualifiedName(remove.table);
      if (remove.where != nullptr) {
        append(" WHERE ");
        expression(*remove.where);
      }
      return;
    }
    case NodeKind::kUpdate: {
      const auto& update = node.as<Update>();
      append("UPDATE ");
      qualifiedName(update.table);
      append(" SET ");
      list(update.assignments, [&](const UpdateAssignmentPtr& assignment) {
        identifier(*assignment->name);
        append(" = ");
        expression(*assignment->value);
      });
      if (update.where != nullptr) {
        append(" WHERE ");
        expression(*update.where);
      }
      return;
    }
    case NodeKind::kAnalyze:
      append("ANALYZE ");
      qualifiedName(node.as<Analyze>().table);
      properties(node.as<Analyze>().properties);
      return;
    case NodeKind::kPrepare:
      append("PREPARE ");
      identifier(*node.as<Prepare>().name);
      append(" FROM");
      newline();
      statement(*node.as<Prepare>().statement);
      return;
    case NodeKind::kExecute: {
      const auto& execute = node.as<Execute>();
      append("EXECUTE ");
      identifier(*execute.name);
      if (!execute.parameters.empty()) {
        append(" USING ");
        expressions(execute.parameters);
      }
      return;
    }
    case NodeKind::kDeallocate:
      append("DEALLOCATE PREPARE ");
      identifier(*node.as<Deallocate>().name);
      return;
    case NodeKind::kDescribeInput:
      append("DESCRIBE INPUT ");
      identifier(*node.as<DescribeInput>().name);
      return;
    case NodeKind::kDescribeOutput:
      append("DESCRIBE OUTPUT ");
      identifier(*node.as<DescribeOutput>().name);
      return;
    case NodeKind::kStartTransaction: {
      append("START TRANSACTION");
      const auto& modes = node.as<StartTransaction>().modes;
      if (!modes.empty()) {
        out_ += ' ';
        list(modes, [&](const TransactionModePtr& mode) {
          if (mode->isolationLevel.has_value()) {
            append("ISOLATION LEVEL ");
            append(isolationLevelText(*mode->isolationLevel));
          } else {
            append(mode->readOnly.value_or(false) ? "READ ONLY" : "READ WRITE");
          }
        });
      }
      return;
    }
    case NodeKind::kCommit:
      append("COMMIT");
      return;
    case NodeKind::kRollback:
      append("ROLLBACK");
      return;
    case NodeKind::kCall: {
      const auto& call = node.as<Call>();
      append("CALL ");
      qualifiedName(call.name);
      out_ += '(';
      list(call.arguments, [&](const CallArgumentPtr& argument) {
        if (argument->name != nullptr) {
          identifier(*argument->name);
          append(" => ");
        }
        expression(*argument->value);
      });
      out_ += ')';
      return;
    }
    default:
      PRESTO_FAIL("Not a statement: node kind {}", static_cast<int>(node.kind()));
  }
}

} // namespace presto::sql
