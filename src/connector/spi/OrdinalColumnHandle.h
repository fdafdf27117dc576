#pragma once

#include "connector/spi/ConnectorHandles.h"

namespace presto::connector {

/// A column identified by its position in the table: what connectors whose tables are fixed lists
/// of columns (tpch, memory, system tables) hand out.
class OrdinalColumnHandle : public ColumnHandle {
 public:
  OrdinalColumnHandle(std::string name, TypePtr type, int32_t ordinal)
      : name_(std::move(name)), type_(std::move(type)), ordinal_(ordinal) {}

  const std::string& name() const override { return name_; }
  const TypePtr& type() const override { return type_; }
  int32_t ordinal() const { return ordinal_; }
  std::string toJson() const override;

  /// Reads a handle written by toJson(); `connectorName` names the connector in errors.
  static ColumnHandlePtr fromJson(const std::string& json, std::string_view connectorName);

 private:
  std::string name_;
  TypePtr type_;
  int32_t ordinal_;
};

/// The ordinal of a column handle that is an OrdinalColumnHandle.
int32_t ordinalOf(const ColumnHandle& column);

} // namespace presto::connector
