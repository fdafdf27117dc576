#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "connector/spi/ConnectorHandles.h"
#include "connector/spi/Domain.h"
#include "type/Value.h"

namespace presto::connector {

/// A table whose rows are computed on demand from the engine's state (catalogs, nodes, queries,
/// connector metadata) rather than read from storage.
class SystemTable {
 public:
  virtual ~SystemTable() = default;
  virtual const SchemaTableName& name() const = 0;
  virtual const std::vector<ColumnMetadata>& columns() const = 0;
  /// The rows, each with one value per column. `constraint` holds domains the query puts on the
  /// columns (by name); a table may use it to avoid computing rows that cannot pass (the engine
  /// still applies the filter itself).
  virtual std::vector<std::vector<Value>> rows(const TupleDomain& constraint) const = 0;
};

using SystemTablePtr = std::shared_ptr<const SystemTable>;

/// A SystemTable with fixed metadata and a row function; enough for most system tables.
class FunctionSystemTable : public SystemTable {
 public:
  using RowFunction = std::function<std::vector<std::vector<Value>>(const TupleDomain&)>;

  FunctionSystemTable(SchemaTableName name, std::vector<ColumnMetadata> columns, RowFunction rows)
      : name_(std::move(name)), columns_(std::move(columns)), rows_(std::move(rows)) {}

  const SchemaTableName& name() const override { return name_; }
  const std::vector<ColumnMetadata>& columns() const override { return columns_; }
  std::vector<std::vector<Value>> rows(const TupleDomain& constraint) const override { return rows_(constraint); }

 private:
  SchemaTableName name_;
  std::vector<ColumnMetadata> columns_;
  RowFunction rows_;
};

/// The single value a constraint allows for a varchar column, if it allows exactly one (used to
/// turn `WHERE table_schema = 'x'` into a lookup instead of a listing).
std::optional<std::string> singleStringValue(const TupleDomain& constraint, const std::string& column);

} // namespace presto::connector
