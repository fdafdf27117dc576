#pragma once

#include <memory>
#include <string>
#include <vector>

#include "type/Type.h"

namespace presto::connector {

/// A table's name inside a catalog.
struct SchemaTableName {
  std::string schema;
  std::string table;

  std::string toString() const { return schema + "." + table; }
  auto operator<=>(const SchemaTableName&) const = default;
};

/// What a connector knows about one column.
struct ColumnMetadata {
  std::string name;
  TypePtr type;
  bool nullable = true;
  std::string comment;
  bool hidden = false;
};

/// What a connector knows about one table.
struct TableMetadata {
  SchemaTableName name;
  std::vector<ColumnMetadata> columns;
  std::vector<std::pair<std::string, std::string>> properties;
};

/// A connector's opaque reference to a table, possibly narrowed by pushed-down filters, projections
/// or limits. Handles are immutable; `toJson()` renders them for travel to workers and the
/// connector's HandleCodec reads them back.
class TableHandle {
 public:
  virtual ~TableHandle() = default;
  virtual std::string toJson() const = 0;
  /// A short description for EXPLAIN (`tpch:lineitem:sf1`).
  virtual std::string toString() const = 0;
};

/// A connector's reference to one column of a table.
class ColumnHandle {
 public:
  virtual ~ColumnHandle() = default;
  virtual const std::string& name() const = 0;
  virtual const TypePtr& type() const = 0;
  virtual std::string toJson() const = 0;
};

/// A unit of work for a page source: a part of a table that one driver reads.
class ConnectorSplit {
 public:
  virtual ~ConnectorSplit() = default;
  virtual std::string toJson() const = 0;
  virtual std::string toString() const = 0;
  /// Nodes where reading this split is cheapest (empty: anywhere).
  virtual std::vector<std::string> preferredNodes() const { return {}; }
};

/// Describes an in-progress insert (for the page sink and the final commit).
class InsertTableHandle {
 public:
  virtual ~InsertTableHandle() = default;
  virtual std::string toJson() const = 0;
};

using TableHandlePtr = std::shared_ptr<const TableHandle>;
using ColumnHandlePtr = std::shared_ptr<const ColumnHandle>;
using ConnectorSplitPtr = std::shared_ptr<const ConnectorSplit>;
using InsertTableHandlePtr = std::shared_ptr<const InsertTableHandle>;

/// Turns the JSON of a connector's handles back into handles (on workers).
class HandleCodec {
 public:
  virtual ~HandleCodec() = default;
  virtual TableHandlePtr tableHandleFromJson(const std::string& json) const = 0;
  virtual ColumnHandlePtr columnHandleFromJson(const std::string& json) const = 0;
  virtual ConnectorSplitPtr splitFromJson(const std::string& json) const = 0;
  virtual InsertTableHandlePtr insertHandleFromJson(const std::string& json) const = 0;
};

} // namespace presto::connector
