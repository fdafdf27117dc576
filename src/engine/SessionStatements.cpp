#include "engine/LocalQueryRunnerImpl.h"
#include "engine/SessionProperties.h"
#include "expression/ConstantFolder.h"
#include "sql/analyzer/ExpressionAnalyzer.h"
#include "sql/metadata/SemanticError.h"
#include "sql/parser/SqlFormatter.h"

namespace presto::engine {
namespace {

/// The text of a SET SESSION value: a constant expression evaluated and rendered as varchar.
std::string sessionValue(const sql::SetSession& set, const sql::Session& session, const sql::MetadataManager& metadata,
    const FunctionRegistry& functions) {
  sql::AnalyzerContext context(session, metadata, functions);
  auto empty = std::make_shared<const sql::Scope>(nullptr, std::vector<sql::Field>{}, false);
  auto value = sql::ExpressionAnalyzer(context, {empty, "SET SESSION cannot contain aggregations or window functions"})
                   .analyze(set.value);
  auto constant = evaluateConstant(value, functions);
  if (constant.isNull()) {
    sql::semanticError(set.value->location, "Session property value must not be null");
  }
  return constant.toString(*value->type());
}

} // namespace

StatementResult LocalQueryRunnerImpl::executeSessionStatement(sql::Session& session, const sql::Statement& statement) {
  switch (statement.kind()) {
    case sql::NodeKind::kUse: {
      const auto& use = statement.as<sql::Use>();
      std::string catalog = use.catalog ? use.catalog->value : session.catalog().value_or("");
      if (catalog.empty()) {
        sql::semanticError(use.location, "Catalog must be specified when session catalog is not set");
      }
      if (!metadata_->catalogExists(catalog)) {
        sql::userError(errors::NOT_FOUND, use.location, "Catalog does not exist: {}", catalog);
      }
      if (!metadata_->schemaExists(catalog, use.schema->value)) {
        sql::userError(errors::NOT_FOUND, use.location, "Schema does not exist: {}.{}", catalog, use.schema->value);
      }
      session.setCatalog(catalog);
      session.setSchema(use.schema->value);
      return updateResult("USE");
    }
    case sql::NodeKind::kSetSession: {
      const auto& set = statement.as<sql::SetSession>();
      auto name = set.name.toString();
      auto value = sessionValue(set, session, *metadata_, *functions_);
      validateSessionProperty(name, value);
      session.setProperty(name, value);
      return updateResult("SET SESSION");
    }
    case sql::NodeKind::kResetSession: {
      const auto& reset = statement.as<sql::ResetSession>();
      auto name = reset.name.toString();
      validateSessionProperty(name, "1");
      session.resetProperty(name);
      return updateResult("RESET SESSION");
    }
    case sql::NodeKind::kPrepare: {
      const auto& prepare = statement.as<sql::Prepare>();
      session.addPreparedStatement(prepare.name->value, sql::formatSql(*prepare.statement));
      return updateResult("PREPARE");
    }
    case sql::NodeKind::kDeallocate: {
      const auto& deallocate = statement.as<sql::Deallocate>();
      session.preparedStatement(deallocate.name->value);
      session.removePreparedStatement(deallocate.name->value);
      return updateResult("DEALLOCATE");
    }
    default:
      sql::userError(errors::NOT_SUPPORTED, statement.location, "Not a session statement");
  }
}

} // namespace presto::engine
