#include "connector/system/SystemTableConnector.h"

#include <fmt/format.h>

#include "common/Check.h"
#include "connector/spi/HandleJson.h"
#include "connector/spi/OrdinalColumnHandle.h"
#include "vector/VectorValues.h"

namespace presto::connector {
namespace {

class SystemTableHandle : public TableHandle {
 public:
  SystemTableHandle(SchemaTableName name, TupleDomain constraint) : name_(std::move(name)), constraint_(std::move(constraint)) {}
  const SchemaTableName& name() const { return name_; }
  const TupleDomain& constraint() const { return constraint_; }
  std::string toJson() const override { return nlohmann::json{{"schema", name_.schema}, {"table", name_.table}}.dump(); }
  std::string toString() const override {
    return fmt::format("system:{}{}", name_.toString(), constraint_.isAll() ? "" : " constraint=" + constraint_.toString());
  }

 private:
  SchemaTableName name_;
  TupleDomain constraint_;
};

class SystemSplit : public ConnectorSplit {
 public:
  explicit SystemSplit(SchemaTableName name) : name_(std::move(name)) {}
  std::string toJson() const override { return nlohmann::json{{"schema", name_.schema}, {"table", name_.table}}.dump(); }
  std::string toString() const override { return "system:" + name_.toString(); }

 private:
  SchemaTableName name_;
};

class SystemMetadata : public ConnectorMetadata {
 public:
  explicit SystemMetadata(const std::map<SchemaTableName, SystemTablePtr>& tables) : tables_(tables) {}

  std::vector<std::string> listSchemaNames() override {
    std::vector<std::string> schemas;
    for (const auto& [name, table] : tables_) {
      if (schemas.empty() || schemas.back() != name.schema) schemas.push_back(name.schema);
    }
    return schemas;
  }

  std::vector<SchemaTableName> listTables(const std::optional<std::string>& schema) override {
    std::vector<SchemaTableName> names;
    for (const auto& [name, table] : tables_) {
      if (!schema || name.schema == *schema) names.push_back(name);
    }
    return names;
  }

  TableHandlePtr getTableHandle(const SchemaTableName& name) override {
    return tables_.count(name) ? std::make_shared<SystemTableHandle>(name, TupleDomain::all()) : nullptr;
  }

  TableMetadata getTableMetadata(const TableHandle& table) override {
    const auto& system = tableOf(table);
    return {system.name(), system.columns(), {}};
  }

  std::vector<ColumnHandlePtr> getColumnHandles(const TableHandle& table) override {
    std::vector<ColumnHandlePtr> handles;
    const auto& columns = tableOf(table).columns();
    for (size_t i = 0; i < columns.size(); ++i) {
      handles.push_back(std::make_shared<OrdinalColumnHandle>(columns[i].name, columns[i].type, static_cast<int32_t>(i)));
    }
    return handles;
  }

  std::optional<FilterPushdownResult> applyFilter(const TableHandlePtr& table, const TupleDomain& filter) override {
    const auto& handle = dynamic_cast<const SystemTableHandle&>(*table);
    auto combined = handle.constraint().intersect(filter);
    if (combined == handle.constraint()) {
      return std::nullopt;
    }
    return FilterPushdownResult{std::make_shared<SystemTableHandle>(handle.name(), combined), filter};
  }

 private:
  const SystemTable& tableOf(const TableHandle& table) const {
    return *tables_.at(dynamic_cast<const SystemTableHandle&>(table).name());
  }

  const std::map<SchemaTableName, SystemTablePtr>& tables_;
};

class SystemSplitManager : public ConnectorSplitManager {
 public:
  std::unique_ptr<SplitSource> getSplits(const TableHandlePtr& table, const SplitContext&) override {
    const auto& handle = dynamic_cast<const SystemTableHandle&>(*table);
    return std::make_unique<FixedSplitSource>(std::vector<ConnectorSplitPtr>{std::make_shared<SystemSplit>(handle.name())});
  }
};

/// Computes the table's rows once and returns them as one page of the requested columns.
class SystemPageSource : public ConnectorPageSource {
 public:
  SystemPageSource(const SystemTable& table, const TupleDomain& constraint, const std::vector<ColumnHandlePtr>& columns)
      : table_(table), constraint_(constraint), columns_(columns) {}

  PagePtr getNextPage() override {
    if (finished_) {
      return nullptr;
    }
    finished_ = true;
    auto rows = table_.rows(constraint_);
    std::vector<VectorPtr> vectors;
    for (const auto& column : columns_) {
      auto ordinal = static_cast<size_t>(ordinalOf(*column));
      std::vector<Value> values;
      values.reserve(rows.size());
      for (const auto& row : rows) {
        values.push_back(row.at(ordinal));
      }
      vectors.push_back(vectorFromValues(column->type(), values));
    }
    completedRows_ = rows.size();
    auto page = std::make_shared<Page>(static_cast<vector_size_t>(rows.size()), std::move(vectors));
    completedBytes_ = page->retainedBytes();
    return page;
  }

  bool isFinished() const override { return finished_; }
  uint64_t completedBytes() const override { return completedBytes_; }
  uint64_t completedRows() const override { return completedRows_; }

 private:
  const SystemTable& table_;
  TupleDomain constraint_;
  std::vector<ColumnHandlePtr> columns_;
  bool finished_ = false;
  uint64_t completedBytes_ = 0;
  uint64_t completedRows_ = 0;
};

class SystemPageSourceProvider : public ConnectorPageSourceProvider {
 public:
  explicit SystemPageSourceProvider(const std::map<SchemaTableName, SystemTablePtr>& tables) : tables_(tables) {}

  std::unique_ptr<ConnectorPageSource> createPageSource(const ConnectorSplitPtr&, const TableHandlePtr& table,
      const std::vector<ColumnHandlePtr>& columns, const TupleDomain& filter) override {
    const auto& handle = dynamic_cast<const SystemTableHandle&>(*table);
    return std::make_unique<SystemPageSource>(*tables_.at(handle.name()), handle.constraint().intersect(filter), columns);
  }

 private:
  const std::map<SchemaTableName, SystemTablePtr>& tables_;
};

SchemaTableName nameOf(const nlohmann::json& value) {
  return {value.at("schema").get<std::string>(), value.at("table").get<std::string>()};
}

class SystemHandleCodec : public HandleCodec {
 public:
  TableHandlePtr tableHandleFromJson(const std::string& json) const override {
    return parseHandleJson<TableHandlePtr>(json, "system", [](const nlohmann::json& value) {
      return std::make_shared<SystemTableHandle>(nameOf(value), TupleDomain::all());
    });
  }
  ColumnHandlePtr columnHandleFromJson(const std::string& json) const override {
    return OrdinalColumnHandle::fromJson(json, "system");
  }
  ConnectorSplitPtr splitFromJson(const std::string& json) const override {
    return parseHandleJson<ConnectorSplitPtr>(
        json, "system", [](const nlohmann::json& value) { return std::make_shared<SystemSplit>(nameOf(value)); });
  }
  InsertTableHandlePtr insertHandleFromJson(const std::string&) const override {
    PRESTO_FAIL("system tables are read-only");
  }
};

} // namespace

SystemTableConnector::SystemTableConnector(std::vector<SystemTablePtr> tables) {
  for (auto& table : tables) {
    auto name = table->name();
    PRESTO_CHECK(tables_.emplace(name, std::move(table)).second, "system table {} defined twice", name.toString());
  }
  metadata_ = std::make_unique<SystemMetadata>(tables_);
  splitManager_ = std::make_unique<SystemSplitManager>();
  pageSources_ = std::make_unique<SystemPageSourceProvider>(tables_);
  codec_ = std::make_unique<SystemHandleCodec>();
}

SystemTableConnector::~SystemTableConnector() = default;

std::optional<std::string> singleStringValue(const TupleDomain& constraint, const std::string& column) {
  auto domain = constraint.domain(column);
  if (!domain || domain->nullAllowed() || !domain->values().isSingleValue()) {
    return std::nullopt;
  }
  return domain->values().ranges()[0].low.value->as<std::string>();
}

} // namespace presto::connector
