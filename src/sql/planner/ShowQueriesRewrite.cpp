#include "sql/metadata/SemanticError.h"
#include "sql/planner/LogicalPlanner.h"

namespace presto::sql {
namespace {

std::string quoted(const std::string& text) {
  std::string result = "'";
  for (char c : text) {
    result += c == '\'' ? "''" : std::string(1, c);
  }
  return result + "'";
}

std::string identifier(const std::string& name) {
  std::string result = "\"";
  for (char c : name) {
    result += c == '"' ? "\"\"" : std::string(1, c);
  }
  return result + "\"";
}

std::string likeCondition(const std::string& column, const LikeFilter& like) {
  if (!like.pattern) {
    return "";
  }
  std::string condition = column + " LIKE " + quoted(*like.pattern);
  if (like.escape) {
    condition += " ESCAPE " + quoted(*like.escape);
  }
  return condition;
}

std::string whereClause(const std::vector<std::string>& conditions) {
  std::string text;
  for (const auto& condition : conditions) {
    if (!condition.empty()) {
      text += (text.empty() ? " WHERE " : " AND ") + condition;
    }
  }
  return text;
}

/// `SELECT * FROM (VALUES rows) AS t(columns) [WHERE filter] ORDER BY order`; an empty row set
/// becomes a query over one typed row filtered out.
std::string valuesQuery(const std::vector<std::string>& columns, const std::vector<std::vector<std::string>>& rows,
    const std::string& filter, const std::string& order) {
  std::string columnList;
  for (const auto& column : columns) {
    columnList += (columnList.empty() ? "" : ", ") + identifier(column);
  }
  std::string values;
  for (const auto& row : rows) {
    std::string items;
    for (const auto& item : row) {
      items += (items.empty() ? "" : ", ") + item;
    }
    values += (values.empty() ? "(" : ", (") + items + ")";
  }
  std::string conditions = filter;
  if (rows.empty()) {
    std::string items;
    for (size_t i = 0; i < columns.size(); ++i) {
      items += (items.empty() ? "" : ", ") + std::string("CAST(NULL AS varchar)");
    }
    values = "(" + items + ")";
    conditions = "false";
  }
  return "SELECT * FROM (VALUES " + values + ") AS t(" + columnList + ")" + whereClause({conditions}) + " ORDER BY " + order;
}

} // namespace

std::string LogicalPlanner::rewriteShowStatement(const Statement& statement) {
  switch (statement.kind()) {
    case NodeKind::kShowCatalogs: {
      const auto& show = statement.as<ShowCatalogs>();
      std::vector<std::vector<std::string>> rows;
      for (const auto& catalog : metadata_.catalogNames()) {
        rows.push_back({quoted(catalog)});
      }
      return valuesQuery({"Catalog"}, rows, likeCondition("\"Catalog\"", show.like), "1");
    }
    case NodeKind::kShowSchemas: {
      const auto& show = statement.as<ShowSchemas>();
      std::string catalog;
      if (show.catalog) {
        catalog = show.catalog->value;
      } else if (session_.catalog()) {
        catalog = *session_.catalog();
      } else {
        semanticError(statement.location, "Catalog must be specified when session catalog is not set");
      }
      if (!metadata_.catalogExists(catalog)) {
        semanticError(show.catalog ? show.catalog->location : statement.location, "Catalog '{}' does not exist", catalog);
      }
      return "SELECT schema_name AS \"Schema\" FROM " + identifier(catalog) + ".information_schema.schemata" +
          whereClause({likeCondition("schema_name", show.like)}) + " ORDER BY schema_name";
    }
    case NodeKind::kShowTables: {
      const auto& show = statement.as<ShowTables>();
      std::string catalog;
      std::string schema;
      SourceLocation location = statement.location;
      if (show.schema) {
        const auto& parts = show.schema->parts;
        location = show.schema->location();
        if (parts.size() > 2) {
          semanticError(location, "Too many parts in schema name: {}", show.schema->toString());
        }
        schema = parts.back()->value;
        if (parts.size() == 2) {
          catalog = parts[0]->value;
        }
      } else if (session_.schema()) {
        schema = *session_.schema();
      } else {
        semanticError(location, "Schema must be specified when session schema is not set");
      }
      if (catalog.empty()) {
        if (!session_.catalog()) {
          semanticError(location, "Catalog must be specified when session catalog is not set");
        }
        catalog = *session_.catalog();
      }
      if (!metadata_.catalogExists(catalog)) {
        semanticError(location, "Catalog '{}' does not exist", catalog);
      }
      if (!metadata_.schemaExists(catalog, schema)) {
        semanticError(location, "Schema '{}' does not exist", schema);
      }
      return "SELECT table_name AS \"Table\" FROM " + identifier(catalog) + ".information_schema.tables" +
          whereClause({"table_schema = " + quoted(schema), likeCondition("table_name", show.like)}) +
          " ORDER BY table_name";
    }
    case NodeKind::kShowColumns: {
      const auto& show = statement.as<ShowColumns>();
      auto name = metadata_.qualify(session_, show.table);
      if (!metadata_.findTable(name, show.table.location()) && !metadata_.findView(name)) {
        semanticError(show.table.location(), "Table '{}' does not exist", name.toString());
      }
      // Presto shows an empty string, not NULL, when a column has no extra information or comment.
      return "SELECT column_name AS \"Column\", data_type AS \"Type\", coalesce(extra_info, '') AS \"Extra\", "
             "coalesce(comment, '') AS \"Comment\" "
             "FROM " + identifier(name.catalog) + ".information_schema.columns WHERE table_schema = " +
          quoted(name.schema) + " AND table_name = " + quoted(name.object) + " ORDER BY ordinal_position";
    }
    case NodeKind::kShowFunctions: {
      const auto& show = statement.as<ShowFunctions>();
      std::vector<std::vector<std::string>> rows;
      for (const auto& function : functions_.list()) {
        rows.push_back({quoted(function.name), quoted(function.returnType), quoted(function.argumentTypes),
            quoted(function.kind), function.deterministic ? "true" : "false", quoted(function.description)});
      }
      return valuesQuery({"Function", "Return Type", "Argument Types", "Function Type", "Deterministic", "Description"},
          rows, likeCondition("\"Function\"", show.like), "1, 3");
    }
    case NodeKind::kShowSession: {
      const auto& show = statement.as<ShowSession>();
      std::vector<std::vector<std::string>> rows;
      for (const auto& property : sessionProperties_) {
        auto value = session_.property(property.name).value_or(property.defaultValue);
        rows.push_back({quoted(property.name), quoted(value), quoted(property.defaultValue),
            quoted(property.type->toString()), quoted(property.description)});
      }
      return valuesQuery({"Name", "Value", "Default", "Type", "Description"}, rows, likeCondition("\"Name\"", show.like), "1");
    }
    default: userError(errors::NOT_SUPPORTED, statement.location, "Not a SHOW statement");
  }
}

} // namespace presto::sql
