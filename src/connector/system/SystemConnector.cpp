#include "connector/system/SystemConnector.h"

namespace presto::connector {
namespace {

ColumnMetadata column(const char* name, TypePtr type) {
  return {.name = name, .type = std::move(type)};
}

Value optionalTimestamp(const std::optional<int64_t>& millis) {
  return millis ? Value(*millis) : Value();
}

SystemTablePtr catalogsTable(const CatalogManager& catalogs) {
  return std::make_shared<FunctionSystemTable>(SchemaTableName{"metadata", "catalogs"},
      std::vector<ColumnMetadata>{
          column("catalog_name", VARCHAR()), column("connector_id", VARCHAR()), column("connector_name", VARCHAR())},
      [&catalogs](const TupleDomain&) {
        std::vector<std::vector<Value>> rows;
        for (const auto& name : catalogs.catalogNames()) {
          rows.push_back({Value(name), Value(name), Value(catalogs.connectorName(name))});
        }
        return rows;
      });
}

SystemTablePtr tablePropertiesTable(const CatalogManager& catalogs) {
  return std::make_shared<FunctionSystemTable>(SchemaTableName{"metadata", "table_properties"},
      std::vector<ColumnMetadata>{column("catalog_name", VARCHAR()), column("property_name", VARCHAR()),
          column("default_value", VARCHAR()), column("type", VARCHAR()), column("description", VARCHAR())},
      [&catalogs](const TupleDomain&) {
        std::vector<std::vector<Value>> rows;
        for (const auto& name : catalogs.catalogNames()) {
          auto connector = catalogs.connector(name);
          if (!connector) {
            continue;
          }
          for (const auto& property : connector->tableProperties()) {
            rows.push_back({Value(name), Value(property.name), Value(property.defaultValue), Value(property.type),
                Value(property.description)});
          }
        }
        return rows;
      });
}

SystemTablePtr nodesTable(std::shared_ptr<const RuntimeInfoSource> runtime) {
  return std::make_shared<FunctionSystemTable>(SchemaTableName{"runtime", "nodes"},
      std::vector<ColumnMetadata>{column("node_id", VARCHAR()), column("http_uri", VARCHAR()),
          column("node_version", VARCHAR()), column("coordinator", BOOLEAN()), column("state", VARCHAR())},
      [runtime](const TupleDomain&) {
        std::vector<std::vector<Value>> rows;
        for (const auto& node : runtime->nodes()) {
          rows.push_back({Value(node.nodeId), Value(node.httpUri), Value(node.nodeVersion), Value(node.coordinator),
              Value(node.state)});
        }
        return rows;
      });
}

SystemTablePtr queriesTable(std::shared_ptr<const RuntimeInfoSource> runtime) {
  std::vector<ColumnMetadata> columns;
  for (auto name : {"node_id", "query_id", "state", "user", "source", "query"}) {
    columns.push_back(column(name, VARCHAR()));
  }
  columns.push_back(column("resource_group_id", ARRAY(VARCHAR())));
  for (auto name : {"queued_time_ms", "analysis_time_ms", "distributed_planning_time_ms"}) {
    columns.push_back(column(name, BIGINT()));
  }
  for (auto name : {"created", "started", "last_heartbeat", "end"}) {
    columns.push_back(column(name, TIMESTAMP()));
  }
  return std::make_shared<FunctionSystemTable>(SchemaTableName{"runtime", "queries"}, columns, [runtime](const TupleDomain&) {
    std::vector<std::vector<Value>> rows;
    for (const auto& query : runtime->queries()) {
      rows.push_back({Value(query.nodeId), Value(query.queryId), Value(query.state), Value(query.user),
          Value(query.source), Value(query.query), Value::array({Value("global")}), Value(query.queuedTimeMillis),
          Value(query.analysisTimeMillis), Value(query.distributedPlanningTimeMillis), optionalTimestamp(query.created),
          optionalTimestamp(query.started), optionalTimestamp(query.lastHeartbeat), optionalTimestamp(query.end)});
    }
    return rows;
  });
}

SystemTablePtr tasksTable(std::shared_ptr<const RuntimeInfoSource> runtime) {
  std::vector<ColumnMetadata> columns;
  for (auto name : {"node_id", "task_id", "stage_execution_id", "stage_id", "query_id", "state"}) {
    columns.push_back(column(name, VARCHAR()));
  }
  for (auto name : {"splits", "queued_splits", "running_splits", "completed_splits", "split_scheduled_time_ms",
           "split_cpu_time_ms", "split_blocked_time_ms", "raw_input_bytes", "raw_input_rows", "processed_input_bytes",
           "processed_input_rows", "output_bytes", "output_rows", "physical_written_bytes"}) {
    columns.push_back(column(name, BIGINT()));
  }
  for (auto name : {"created", "start", "last_heartbeat", "end"}) {
    columns.push_back(column(name, TIMESTAMP()));
  }
  return std::make_shared<FunctionSystemTable>(SchemaTableName{"runtime", "tasks"}, columns, [runtime](const TupleDomain&) {
    std::vector<std::vector<Value>> rows;
    for (const auto& task : runtime->tasks()) {
      rows.push_back({Value(task.nodeId), Value(task.taskId), Value(task.stageExecutionId), Value(task.stageId),
          Value(task.queryId), Value(task.state), Value(task.splits), Value(task.queuedSplits),
          Value(task.runningSplits), Value(task.completedSplits), Value(task.splitScheduledTimeMillis),
          Value(task.splitCpuTimeMillis), Value(task.splitBlockedTimeMillis), Value(task.rawInputBytes),
          Value(task.rawInputRows), Value(task.processedInputBytes), Value(task.processedInputRows),
          Value(task.outputBytes), Value(task.outputRows), Value(task.physicalWrittenBytes),
          optionalTimestamp(task.created), optionalTimestamp(task.start), optionalTimestamp(task.lastHeartbeat),
          optionalTimestamp(task.end)});
    }
    return rows;
  });
}

} // namespace

std::shared_ptr<SystemTableConnector> createSystemConnector(
    const CatalogManager& catalogs, std::shared_ptr<const RuntimeInfoSource> runtime) {
  return std::make_shared<SystemTableConnector>(std::vector<SystemTablePtr>{catalogsTable(catalogs),
      tablePropertiesTable(catalogs), nodesTable(runtime), queriesTable(runtime), tasksTable(runtime)});
}

} // namespace presto::connector
