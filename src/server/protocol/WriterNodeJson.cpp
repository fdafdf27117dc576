#include "server/protocol/PlanNodeJson.h"
#include "server/protocol/TableJson.h"

namespace presto::server::planjson {
namespace {

PlanNodeCodec tableWriterCodec() {
  return makeCodec<sql::TableWriterNode>(
      "TableWriter", 1,
      [](const sql::TableWriterNode& node, PlanJsonWriter& writer, Json& out) {
        out["target"] = writerTargetToJson(node.target());
        out["columns"] = writer.symbols(node.columns());
        out["columnNames"] = node.columnNames();
        out["rowCount"] = writer.symbol(node.outputSymbols()[0]);
        out["fragment"] = writer.symbol(node.outputSymbols()[1]);
      },
      [](const NodeInput& input) {
        auto columns = input.reader.symbols(input.field("columns"));
        auto columnNames = input.field("columnNames").get<std::vector<std::string>>();
        requireSameSize(columns.size(), columnNames.size(), "TableWriter columns and column names");
        return std::make_shared<sql::TableWriterNode>(input.id, input.sources[0],
            writerTargetFromJson(input.field("target"), input.reader.context().metadata), std::move(columns),
            std::move(columnNames), input.reader.symbol(input.field("rowCount")), input.reader.symbol(input.field("fragment")));
      });
}

PlanNodeCodec tableFinishCodec() {
  return makeCodec<sql::TableFinishNode>(
      "TableFinish", 1,
      [](const sql::TableFinishNode& node, PlanJsonWriter& writer, Json& out) {
        out["target"] = writerTargetToJson(node.target());
        out["rowCount"] = writer.symbol(node.outputSymbols()[0]);
      },
      [](const NodeInput& input) {
        return std::make_shared<sql::TableFinishNode>(input.id, input.sources[0],
            writerTargetFromJson(input.field("target"), input.reader.context().metadata),
            input.reader.symbol(input.field("rowCount")));
      });
}

} // namespace

std::vector<PlanNodeCodec> writerNodeCodecs() {
  return {tableWriterCodec(), tableFinishCodec()};
}

} // namespace presto::server::planjson
