#pragma once

#include "sql/metadata/MetadataManager.h"
#include "sql/planner/PlanNode.h"

namespace presto::sql {

/// Where a TableWriter writes: an existing table (INSERT) or one CREATE TABLE AS creates.
struct WriterTarget {
  QualifiedObjectName name;
  /// The existing table (INSERT); null for CREATE TABLE AS, whose table is created on commit.
  TableInfoPtr table;
  /// The table to create (CREATE TABLE AS).
  connector::TableMetadata newTable;
  bool ignoreExisting = false;
};

/// Writes its source's `columns` (one symbol per target column, in table order) through the
/// connector's page sink. Outputs the number of rows written and the sink's commit fragment.
class TableWriterNode : public PlanNode {
 public:
  TableWriterNode(PlanNodeId id, PlanNodePtr source, WriterTarget target, std::vector<Symbol> columns,
      std::vector<std::string> columnNames, Symbol rowCount, Symbol fragment)
      : PlanNode(id, {std::move(source)}, {rowCount, fragment}),
        target_(std::move(target)),
        columns_(std::move(columns)),
        columnNames_(std::move(columnNames)) {}

  const WriterTarget& target() const { return target_; }
  const std::vector<Symbol>& columns() const { return columns_; }
  const std::vector<std::string>& columnNames() const { return columnNames_; }

  std::string name() const override { return "TableWriter"; }
  std::string details() const override { return "target = " + target_.name.toString(); }
  std::vector<std::string> detailLines() const override {
    std::vector<std::string> lines;
    for (size_t i = 0; i < columns_.size(); ++i) {
      lines.push_back(columnNames_[i] + " := " + columns_[i]->name());
    }
    return lines;
  }

 private:
  const WriterTarget target_;
  const std::vector<Symbol> columns_;
  const std::vector<std::string> columnNames_;
};

/// Commits what the writers below produced (finishInsert with their fragments) and outputs the
/// total row count: the single `rows` column of INSERT and CREATE TABLE AS.
class TableFinishNode : public PlanNode {
 public:
  TableFinishNode(PlanNodeId id, PlanNodePtr source, WriterTarget target, Symbol rowCount)
      : PlanNode(id, {std::move(source)}, {rowCount}), target_(std::move(target)) {}

  const WriterTarget& target() const { return target_; }

  std::string name() const override { return "TableCommit"; }
  std::string details() const override { return "target = " + target_.name.toString(); }

 private:
  const WriterTarget target_;
};

} // namespace presto::sql
