#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "connector/spi/CatalogManager.h"
#include "function/FunctionRegistry.h"
#include "sql/metadata/MetadataManager.h"
#include "sql/planner/LogicalPlanner.h"

namespace presto::sql::test {

/// Catalogs, functions and a session for analyzer and planner tests: `tpch` (standard column
/// names, default schema `tiny`), `memory` (empty; TPC-DS tests create their schema in it), the
/// `system` catalog and every catalog's information_schema.
///
/// The function registry is the built-in one. Functions Presto has but the function module does
/// not register yet are added as signatures only (no implementation), so that planning can be
/// tested before execution exists; `pendingFunctions()` lists the ones that were needed.
class PlannerTestEnvironment {
 public:
  PlannerTestEnvironment();
  ~PlannerTestEnvironment();

  Session& session() { return session_; }
  const MetadataManager& metadata() const { return *metadata_; }
  const FunctionRegistry& functions() const { return *functions_; }
  connector::CatalogManager& catalogs() { return *catalogs_; }

  LogicalPlanner planner() const { return LogicalPlanner(session_, *metadata_, *functions_); }
  /// EXPLAIN text of `sql`.
  std::string explain(const std::string& sql) const { return planner().explain(sql); }

  /// Creates the TPC-DS tables of `tpcds/schema.sql` (shared directory) in memory.tpcds, parsing
  /// each CREATE TABLE with our parser.
  void createTpcdsSchema();

  /// Names of the functions supplied as signatures only because the function module lacks them.
  const std::vector<std::string>& pendingFunctions() const { return pendingFunctions_; }

 private:
  void addPendingSignatures(FunctionRegistry& registry);

  connector::ConnectorRegistry connectorRegistry_;
  std::unique_ptr<connector::CatalogManager> catalogs_;
  std::unique_ptr<MetadataManager> metadata_;
  std::shared_ptr<FunctionRegistry> functions_;
  std::vector<std::string> pendingFunctions_;
  Session session_;
};


/// A query of the shared TPC-DS kit: its file name and its SQL without the trailing `;`.
struct TpcdsQuery {
  std::string name;
  std::string sql;
};

/// Every query file of `tpcds/queries` (shared directory), sorted by name.
std::vector<TpcdsQuery> tpcdsQueries();

/// The message of the PrestoException `action` throws, or "no error".
std::string errorOf(const std::function<void()>& action);

} // namespace presto::sql::test
