#pragma once

#include "connector/spi/ConnectorHandles.h"

namespace presto::memory {

/// A table of the memory connector. The id changes when a table is dropped and re-created, so a
/// stale handle never reads a new table's data.
class MemoryTableHandle : public connector::TableHandle {
 public:
  MemoryTableHandle(connector::SchemaTableName name, int64_t tableId) : name_(std::move(name)), tableId_(tableId) {}
  const connector::SchemaTableName& name() const { return name_; }
  int64_t tableId() const { return tableId_; }
  std::string toJson() const override;
  std::string toString() const override;

 private:
  connector::SchemaTableName name_;
  int64_t tableId_;
};

/// Part `part` of `totalParts` of a table's pages on one node.
class MemorySplit : public connector::ConnectorSplit {
 public:
  MemorySplit(int64_t tableId, int32_t part, int32_t totalParts, std::string nodeId)
      : tableId_(tableId), part_(part), totalParts_(totalParts), nodeId_(std::move(nodeId)) {}
  int64_t tableId() const { return tableId_; }
  int32_t part() const { return part_; }
  int32_t totalParts() const { return totalParts_; }
  std::string toJson() const override;
  std::string toString() const override;
  std::vector<std::string> preferredNodes() const override { return {nodeId_}; }

 private:
  int64_t tableId_;
  int32_t part_;
  int32_t totalParts_;
  std::string nodeId_;
};

/// An insert in progress into one table.
class MemoryInsertHandle : public connector::InsertTableHandle {
 public:
  MemoryInsertHandle(int64_t tableId, int64_t insertId) : tableId_(tableId), insertId_(insertId) {}
  int64_t tableId() const { return tableId_; }
  int64_t insertId() const { return insertId_; }
  std::string toJson() const override;

 private:
  int64_t tableId_;
  int64_t insertId_;
};

class MemoryHandleCodec : public connector::HandleCodec {
 public:
  connector::TableHandlePtr tableHandleFromJson(const std::string& json) const override;
  connector::ColumnHandlePtr columnHandleFromJson(const std::string& json) const override;
  connector::ConnectorSplitPtr splitFromJson(const std::string& json) const override;
  connector::InsertTableHandlePtr insertHandleFromJson(const std::string& json) const override;
};

} // namespace presto::memory
