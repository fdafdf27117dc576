#pragma once

#include <functional>

#include "connector/spi/ConnectorHandles.h"
#include "exec/plan/PlanNode.h"

namespace presto::exec {

/// Writes its input through the page sink of `catalog` for `insertHandle`. Output: one row per
/// writer driver (`rows` bigint, `fragment` varbinary: the sink's fragments, newline-joined).
class TableWriterNode : public SingleSourceNode {
 public:
  TableWriterNode(std::string id, PlanNodePtr source, std::string catalog, connector::InsertTableHandlePtr insertHandle)
      : SingleSourceNode(id, makeRowType({"rows", "fragments"}, {BIGINT(), ARRAY(VARBINARY())}), source),
        catalog_(std::move(catalog)), insertHandle_(std::move(insertHandle)) {}
  std::string_view name() const override { return "TableWriter"; }
  const std::string& catalog() const { return catalog_; }
  const connector::InsertTableHandlePtr& insertHandle() const { return insertHandle_; }

 private:
  const std::string catalog_;
  const connector::InsertTableHandlePtr insertHandle_;
};

/// Collects the writers' output and calls `commit` once with every fragment; outputs the total
/// row count (one bigint row).
class TableCommitNode : public SingleSourceNode {
 public:
  using CommitFunction = std::function<void(const std::vector<std::string>& fragments)>;
  TableCommitNode(std::string id, PlanNodePtr source, CommitFunction commit)
      : SingleSourceNode(id, makeRowType({"rows"}, {BIGINT()}), source), commit_(std::move(commit)) {}
  std::string_view name() const override { return "TableCommit"; }
  const CommitFunction& commit() const { return commit_; }

 private:
  const CommitFunction commit_;
};

} // namespace presto::exec
