#include "common/Check.h"
#include "engine/PlanTranslator.h"
#include "exec/plan/TableWriterNode.h"
#include "sql/planner/TableWriterNode.h"

namespace presto::engine {

PlanTranslator::Translated PlanTranslator::visitTableWriter(const sql::PlanNode& node) {
  const auto& writer = *node.as<sql::TableWriterNode>();
  const auto& target = writer.target();
  auto input = restrict(visit(writer.source()), writer.columns(), std::to_string(node.id()));
  connector::ConnectorPtr connector;
  connector::TableHandlePtr table;
  if (target.table) {
    connector = target.table->connector;
    table = target.table->handle;
  } else {
    // CREATE TABLE AS: the table exists (empty) from here on; a failed query drops it again.
    connector = metadata_.connectorFor(target.name.catalog, target.name.schema);
    PRESTO_CHECK(connector != nullptr, "no connector for {}", target.name.toString());
    connector->metadata().createTable(target.newTable, target.ignoreExisting);
    table = connector->metadata().getTableHandle(target.newTable.name);
    PRESTO_CHECK(table != nullptr, "table {} was not created", target.name.toString());
    plan_.onFailure.push_back([connector, table] { connector->metadata().dropTable(*table); });
  }
  auto insert = connector->metadata().beginInsert(*table);
  plan_.onFailure.insert(plan_.onFailure.begin(), [connector, insert] { connector->metadata().abortInsert(*insert); });
  std::string catalog = target.name.catalog;
  plan_.connectors[catalog] = connector;
  insertHandle_ = {connector, insert};
  return {std::make_shared<exec::TableWriterNode>(std::to_string(node.id()), input.node, catalog, insert),
      writer.outputSymbols()};
}

PlanTranslator::Translated PlanTranslator::visitTableFinish(const sql::PlanNode& node) {
  auto input = visit(node.source());
  auto [connector, insert] = insertHandle_;
  PRESTO_CHECK(insert != nullptr, "TableCommit without a TableWriter");
  auto commit = [connector, insert](const std::vector<std::string>& fragments) {
    connector->metadata().finishInsert(*insert, fragments);
  };
  return {std::make_shared<exec::TableCommitNode>(std::to_string(node.id()), input.node, commit), node.outputSymbols()};
}

} // namespace presto::engine
