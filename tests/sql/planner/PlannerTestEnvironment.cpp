#include "PlannerTestEnvironment.h"

#include <algorithm>
#include <cctype>
#include <sstream>

#include "connector/memory/MemoryConnector.h"
#include "connector/system/InformationSchema.h"
#include "connector/system/SystemConnector.h"
#include "connector/tpch/TpchConnector.h"
#include "function/BuiltinFunctions.h"
#include "sql/parser/SqlParser.h"
#include "testing/TextFile.h"
#include "type/TypeSignature.h"

namespace presto::sql::test {

std::vector<TpcdsQuery> tpcdsQueries() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(PRESTO_SHARED_DIR) + "/tpcds/queries")) {
    files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<TpcdsQuery> queries;
  for (const auto& file : files) {
    std::string sql = presto::test::readTextFile(file);
    while (!sql.empty() && (std::isspace(static_cast<unsigned char>(sql.back())) || sql.back() == ';')) {
      sql.pop_back();
    }
    queries.push_back({file.filename().string(), std::move(sql)});
  }
  return queries;
}

namespace {

std::string withoutComments(const std::string& sql) {
  std::string result;
  std::istringstream lines(sql);
  for (std::string line; std::getline(lines, line);) {
    result += line.substr(0, line.find("--")) + "\n";
  }
  return result;
}

} // namespace

void PlannerTestEnvironment::createTpcdsSchema() {
  auto connector = catalogs().requireConnector("memory");
  connector->metadata().createSchema("tpcds");
  std::string script = withoutComments(presto::test::readTextFile(std::string(PRESTO_SHARED_DIR) + "/tpcds/schema.sql"));
  size_t start = 0;
  while (start < script.size()) {
    size_t end = std::min(script.find(';', start), script.size());
    std::string sql = script.substr(start, end - start);
    start = end + 1;
    if (std::all_of(sql.begin(), sql.end(), [](unsigned char c) { return std::isspace(c); })) {
      continue;
    }
    auto statement = parseStatement(sql);
    const auto& create = statement->as<CreateTable>();
    connector::TableMetadata table;
    table.name = {"tpcds", create.name.parts.back()->value};
    for (const auto& column : create.columns) {
      table.columns.push_back({.name = column->name->value, .type = parseTypeSignature(column->type)});
    }
    connector->metadata().createTable(table, false);
  }
}

namespace {

/// Reports no nodes, queries or tasks.
class EmptyRuntime : public connector::RuntimeInfoSource {
 public:
  std::vector<connector::NodeInfo> nodes() const override { return {}; }
  std::vector<connector::QueryInfoRow> queries() const override { return {}; }
  std::vector<connector::TaskInfoRow> tasks() const override { return {}; }
};

TypePtr decimalSumType(const std::vector<TypePtr>& types) {
  return DECIMAL(38, asDecimal(*types[0]).scale());
}

} // namespace

PlannerTestEnvironment::PlannerTestEnvironment() : session_("test", "tpch", "tiny") {
  connectorRegistry_.add(std::make_shared<tpch::TpchConnectorFactory>());
  connectorRegistry_.add(std::make_shared<memory::MemoryConnectorFactory>());
  catalogs_ = std::make_unique<connector::CatalogManager>(connectorRegistry_, connector::ConnectorContext{});
  catalogs_->createCatalog("tpch", PropertiesFile::parse("connector.name=tpch\ntpch.column-naming=STANDARD\n", "tpch.properties"));
  catalogs_->createCatalog("memory", PropertiesFile::parse("connector.name=memory\n", "memory.properties"));
  auto system = connector::createSystemConnector(*catalogs_, std::make_shared<EmptyRuntime>());
  metadata_ = std::make_unique<MetadataManager>(*catalogs_, system,
      [](const std::string& catalog, connector::ConnectorPtr target) -> connector::ConnectorPtr {
        return connector::createInformationSchemaConnector(catalog, std::move(target));
      });
  functions_ = makeBuiltinRegistry();
  addPendingSignatures(*functions_);
}

PlannerTestEnvironment::~PlannerTestEnvironment() = default;

void PlannerTestEnvironment::addPendingSignatures(FunctionRegistry& registry) {
  // Presto's signatures of functions the planner tests need. Each is added only when the function
  // module does not provide the name yet.
  auto aggregate = [&](const std::string& name, std::vector<std::string> arguments, const std::string& returnType,
                       std::vector<std::pair<std::string, TypeConstraint>> variables = {}, ReturnTypeRule rule = {}) {
    if (registry.contains(name) &&
        std::find(pendingFunctions_.begin(), pendingFunctions_.end(), name) == pendingFunctions_.end()) {
      return;
    }
    auto signature = makeSignature(name, arguments, returnType, std::move(variables));
    signature.returnTypeRule = std::move(rule);
    registry.registerAggregate(std::move(signature), {}, {});
    if (std::find(pendingFunctions_.begin(), pendingFunctions_.end(), name) == pendingFunctions_.end()) {
      pendingFunctions_.push_back(name);
    }
  };
  auto scalar = [&](const std::string& name, std::vector<std::string> arguments, const std::string& returnType,
                    std::vector<std::pair<std::string, TypeConstraint>> variables = {}) {
    std::vector<TypePtr> types;
    for (const auto& argument : arguments) {
      types.push_back(parseTypeSignature(argument));
    }
    try {
      registry.resolve(name, types);
      return;
    } catch (const PrestoException&) {
    }
    registry.registerScalar(makeSignature(name, arguments, returnType, std::move(variables)), {}, {});
    if (std::find(pendingFunctions_.begin(), pendingFunctions_.end(), name) == pendingFunctions_.end()) {
      pendingFunctions_.push_back(name);
    }
  };
  aggregate("count", {}, "bigint");
  aggregate("count", {"T"}, "bigint", {{"T", TypeConstraint::kNone}});
  aggregate("sum", {"bigint"}, "bigint");
  aggregate("sum", {"double"}, "double");
  aggregate("sum", {"real"}, "real");
  aggregate("sum", {"decimal(p,s)"}, "decimal(p,s)", {}, decimalSumType);
  aggregate("avg", {"bigint"}, "double");
  aggregate("avg", {"double"}, "double");
  aggregate("avg", {"decimal(p,s)"}, "decimal(p,s)");
  aggregate("min", {"T"}, "T", {{"T", TypeConstraint::kOrderable}});
  aggregate("max", {"T"}, "T", {{"T", TypeConstraint::kOrderable}});
  aggregate("stddev_samp", {"double"}, "double");
  aggregate("stddev", {"double"}, "double");
  scalar("not", {"boolean"}, "boolean");
  scalar("year", {"date"}, "bigint");
  scalar(operators::kAdd, {"date", "interval day to second"}, "date");
  scalar(operators::kSubtract, {"date", "interval day to second"}, "date");
  scalar(operators::kAdd, {"date", "interval year to month"}, "date");
  scalar(operators::kSubtract, {"date", "interval year to month"}, "date");
}

std::string errorOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const PrestoException& error) {
    return error.what();
  }
  return "no error";
}

} // namespace presto::sql::test
