#include "server/protocol/PlanNodeJson.h"
#include "sql/planner/EnforceSingleRowNode.h"
#include "sql/planner/LimitNode.h"
#include "sql/planner/OffsetNode.h"
#include "sql/planner/SortNode.h"

namespace presto::server::planjson {
namespace {

/// A row count of Limit, Offset or TopN.
int64_t countFrom(const NodeInput& input) {
  auto count = input.field("count").get<int64_t>();
  if (count < 0) {
    failMalformed("negative row count " + std::to_string(count) + " in node " + std::to_string(input.id));
  }
  return count;
}

/// Limit and Offset: a source and a row count.
template <typename Node>
PlanNodeCodec countCodec(std::string kind) {
  return makeCodec<Node>(
      std::move(kind), 1, [](const Node& node, PlanJsonWriter&, Json& out) { out["count"] = node.count(); },
      [](const NodeInput& input) { return std::make_shared<Node>(input.id, input.sources[0], countFrom(input)); });
}

PlanNodeCodec sortCodec() {
  return makeCodec<sql::SortNode>(
      "Sort", 1,
      [](const sql::SortNode& node, PlanJsonWriter& writer, Json& out) { out["orderBy"] = writer.sortKeys(node.orderBy()); },
      [](const NodeInput& input) {
        return std::make_shared<sql::SortNode>(input.id, input.sources[0], input.reader.sortKeys(input.field("orderBy")));
      });
}

PlanNodeCodec topNCodec() {
  return makeCodec<sql::TopNNode>(
      "TopN", 1,
      [](const sql::TopNNode& node, PlanJsonWriter& writer, Json& out) {
        out["count"] = node.count();
        out["orderBy"] = writer.sortKeys(node.orderBy());
      },
      [](const NodeInput& input) {
        return std::make_shared<sql::TopNNode>(
            input.id, input.sources[0], countFrom(input), input.reader.sortKeys(input.field("orderBy")));
      });
}

PlanNodeCodec enforceSingleRowCodec() {
  return makeCodec<sql::EnforceSingleRowNode>(
      "EnforceSingleRow", 1, [](const sql::EnforceSingleRowNode&, PlanJsonWriter&, Json&) {},
      [](const NodeInput& input) { return std::make_shared<sql::EnforceSingleRowNode>(input.id, input.sources[0]); });
}

} // namespace

std::vector<PlanNodeCodec> rowLimitNodeCodecs() {
  return {sortCodec(), topNCodec(), countCodec<sql::LimitNode>("Limit"), countCodec<sql::OffsetNode>("Offset"),
      enforceSingleRowCodec()};
}

} // namespace presto::server::planjson
