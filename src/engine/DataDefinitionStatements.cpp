#include "engine/LocalQueryRunnerImpl.h"
#include "sql/metadata/SemanticError.h"
#include "sql/parser/SqlFormatter.h"
#include "sql/planner/LogicalPlanner.h"
#include "type/TypeSignature.h"

namespace presto::engine {
namespace {

/// `schema` or `catalog.schema` completed with the session's catalog.
std::pair<std::string, std::string> qualifySchema(const sql::QualifiedName& name, const sql::Session& session) {
  if (name.parts.size() > 2) {
    sql::semanticError(name.location(), "Too many parts in schema name: {}", name.toString());
  }
  if (name.parts.size() == 2) {
    return {name.parts[0]->value, name.parts[1]->value};
  }
  if (!session.catalog()) {
    sql::semanticError(name.location(), "Catalog must be specified when session catalog is not set");
  }
  return {*session.catalog(), name.parts[0]->value};
}

connector::TableMetadata tableMetadata(const sql::CreateTable& create, const sql::QualifiedObjectName& name) {
  connector::TableMetadata table;
  table.name = {name.schema, name.object};
  for (const auto& column : create.columns) {
    for (const auto& existing : table.columns) {
      if (existing.name == column->name->value) {
        sql::semanticError(column->location, "Column name '{}' specified more than once", column->name->value);
      }
    }
    TypePtr type;
    try {
      type = parseTypeSignature(column->type);
    } catch (const PrestoException&) {
      sql::userError(errors::NOT_FOUND, column->location, "Unknown type '{}' for column '{}'", column->type,
          column->name->value);
    }
    table.columns.push_back({column->name->value, type, column->nullable, column->comment.value_or(""), false});
  }
  for (const auto& property : create.properties) {
    table.properties.push_back({property->name->value, sql::formatSql(*property->value)});
  }
  return table;
}

} // namespace

StatementResult LocalQueryRunnerImpl::executeDataDefinition(const sql::Session& session, const sql::Statement& statement) {
  switch (statement.kind()) {
    case sql::NodeKind::kCreateSchema: {
      const auto& create = statement.as<sql::CreateSchema>();
      auto [catalog, schema] = qualifySchema(create.name, session);
      auto connector = metadata_->connectorFor(catalog, schema);
      if (!connector) {
        sql::semanticError(create.location, "Catalog '{}' does not exist", catalog);
      }
      if (metadata_->schemaExists(catalog, schema)) {
        if (create.notExists) {
          return updateResult("CREATE SCHEMA");
        }
        sql::userError(errors::ALREADY_EXISTS, create.location, "Schema '{}.{}' already exists", catalog, schema);
      }
      connector->metadata().createSchema(schema);
      return updateResult("CREATE SCHEMA");
    }
    case sql::NodeKind::kDropSchema: {
      const auto& drop = statement.as<sql::DropSchema>();
      auto [catalog, schema] = qualifySchema(drop.name, session);
      if (!metadata_->catalogExists(catalog) || !metadata_->schemaExists(catalog, schema)) {
        if (drop.exists) {
          return updateResult("DROP SCHEMA");
        }
        sql::userError(errors::NOT_FOUND, drop.location, "Schema '{}.{}' does not exist", catalog, schema);
      }
      if (!metadata_->listTables(catalog, schema).empty() && !drop.cascade) {
        sql::userError(errors::SCHEMA_NOT_EMPTY, drop.location, "Schema '{}.{}' is not empty", catalog, schema);
      }
      metadata_->connectorFor(catalog, schema)->metadata().dropSchema(schema);
      return updateResult("DROP SCHEMA");
    }
    case sql::NodeKind::kCreateTable: {
      const auto& create = statement.as<sql::CreateTable>();
      auto name = metadata_->qualify(session, create.name);
      if (metadata_->findTable(name, create.name.location())) {
        if (create.notExists) {
          return updateResult("CREATE TABLE");
        }
        sql::userError(errors::ALREADY_EXISTS, create.name.location(), "Table '{}' already exists", name.toString());
      }
      metadata_->connectorFor(name.catalog, name.schema)->metadata().createTable(tableMetadata(create, name), create.notExists);
      return updateResult("CREATE TABLE");
    }
    case sql::NodeKind::kDropTable: {
      const auto& drop = statement.as<sql::DropTable>();
      auto name = metadata_->qualify(session, drop.name);
      auto table = drop.exists ? metadata_->findTable(name, drop.name.location())
                               : metadata_->requireTable(name, drop.name.location());
      if (table) {
        table->connector->metadata().dropTable(*table->handle);
      }
      return updateResult("DROP TABLE");
    }
    case sql::NodeKind::kCreateView: {
      const auto& create = statement.as<sql::CreateView>();
      auto name = metadata_->qualify(session, create.name);
      auto connector = metadata_->connectorFor(name.catalog, name.schema);
      if (!connector || !metadata_->schemaExists(name.catalog, name.schema)) {
        sql::semanticError(create.name.location(), "Schema '{}' does not exist", name.schema);
      }
      // The query must analyze now; the view stores its SQL, re-analyzed by every query using it.
      sql::LogicalPlanner(session, *metadata_, *functions_).plan(*create.query);
      connector->metadata().createView({{name.schema, name.object}, sql::formatSql(*create.query), session.user()},
          create.replace);
      return updateResult("CREATE VIEW");
    }
    case sql::NodeKind::kDropView: {
      const auto& drop = statement.as<sql::DropView>();
      auto name = metadata_->qualify(session, drop.name);
      if (!metadata_->findView(name)) {
        if (drop.exists) {
          return updateResult("DROP VIEW");
        }
        sql::userError(errors::NOT_FOUND, drop.name.location(), "View '{}' does not exist", name.toString());
      }
      metadata_->connectorFor(name.catalog, name.schema)->metadata().dropView({name.schema, name.object});
      return updateResult("DROP VIEW");
    }
    case sql::NodeKind::kDelete: {
      const auto& remove = statement.as<sql::Delete>();
      if (remove.where) {
        sql::userError(errors::NOT_SUPPORTED, remove.where->location, "This connector only supports deleting all rows");
      }
      auto name = metadata_->qualify(session, remove.table);
      auto table = metadata_->requireTable(name, remove.table.location());
      auto rows = table->connector->metadata().deleteAllRows(*table->handle);
      return updateResult("DELETE", rows);
    }
    default:
      sql::userError(errors::NOT_SUPPORTED, statement.location, "{} is not supported",
          sql::formatSql(statement).substr(0, 40));
  }
}

} // namespace presto::engine
