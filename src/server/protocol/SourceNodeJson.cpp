#include "server/protocol/PlanNodeJson.h"
#include "server/protocol/TableJson.h"
#include "sql/planner/RemoteSourceNode.h"
#include "sql/planner/TableScanNode.h"
#include "sql/planner/ValuesNode.h"

namespace presto::server::planjson {
namespace {

using sql::ExchangeNode;

constexpr EnumNames<ExchangeNode::Type, 3> kExchangeTypes{"exchange type",
    {{{ExchangeNode::Type::kGather, "GATHER"}, {ExchangeNode::Type::kRepartition, "REPARTITION"},
        {ExchangeNode::Type::kReplicate, "REPLICATE"}}}};

PlanNodeCodec tableScanCodec() {
  return makeCodec<sql::TableScanNode>(
      "TableScan", 0,
      [](const sql::TableScanNode& node, PlanJsonWriter& writer, Json& out) {
        out["table"] = tableToJson(*node.table());
        out["outputs"] = writer.symbols(node.outputSymbols());
        Json columns = Json::array();
        for (const auto& column : node.columns()) {
          columns.push_back(Json::parse(column->toJson()));
        }
        out["columns"] = std::move(columns);
        out["constraint"] = tupleDomainToJson(node.constraint());
      },
      [](const NodeInput& input) {
        auto table = tableFromJson(input.field("table"), input.reader.context().metadata);
        auto outputs = input.reader.symbols(input.field("outputs"));
        std::vector<connector::ColumnHandlePtr> columns;
        for (const auto& column : requireArray(input.field("columns"), "columns")) {
          columns.push_back(table->connector->handleCodec().columnHandleFromJson(column.dump()));
        }
        requireSameSize(outputs.size(), columns.size(), "TableScan outputs and columns");
        return std::make_shared<sql::TableScanNode>(
            input.id, std::move(table), std::move(outputs), std::move(columns), tupleDomainFromJson(input.field("constraint")));
      });
}

PlanNodeCodec valuesCodec() {
  return makeCodec<sql::ValuesNode>(
      "Values", 0,
      [](const sql::ValuesNode& node, PlanJsonWriter& writer, Json& out) {
        out["outputs"] = writer.symbols(node.outputSymbols());
        Json rows = Json::array();
        for (const auto& row : node.rows()) {
          Json encoded = Json::array();
          for (const auto& value : row) {
            encoded.push_back(writer.expression(value));
          }
          rows.push_back(std::move(encoded));
        }
        out["rows"] = std::move(rows);
      },
      [](const NodeInput& input) {
        auto outputs = input.reader.symbols(input.field("outputs"));
        std::vector<std::vector<RowExpressionPtr>> rows;
        for (const auto& row : requireArray(input.field("rows"), "rows")) {
          auto& decoded = rows.emplace_back();
          for (const auto& value : requireArray(row, "row")) {
            decoded.push_back(input.reader.expression(value));
            if (!decoded.back()) {
              failMalformed("a Values row holds null instead of an expression");
            }
          }
          requireSameSize(decoded.size(), outputs.size(), "Values row and outputs");
        }
        return std::make_shared<sql::ValuesNode>(input.id, std::move(outputs), std::move(rows));
      });
}

PlanNodeCodec remoteSourceCodec() {
  return makeCodec<sql::RemoteSourceNode>(
      "RemoteSource", 0,
      [](const sql::RemoteSourceNode& node, PlanJsonWriter& writer, Json& out) {
        out["sourceFragments"] = node.sourceFragmentIds();
        out["outputs"] = writer.symbols(node.outputSymbols());
        out["exchangeType"] = kExchangeTypes.toJson(node.exchangeType());
      },
      [](const NodeInput& input) {
        return std::make_shared<sql::RemoteSourceNode>(input.id, input.field("sourceFragments").get<std::vector<int32_t>>(),
            input.reader.symbols(input.field("outputs")), kExchangeTypes.fromJson(input.field("exchangeType")));
      });
}

PlanNodeCodec exchangeCodec() {
  return makeCodec<ExchangeNode>(
      "Exchange", std::nullopt,
      [](const ExchangeNode& node, PlanJsonWriter& writer, Json& out) {
        out["type"] = kExchangeTypes.toJson(node.type());
        out["outputs"] = writer.symbols(node.outputSymbols());
        Json inputs = Json::array();
        for (const auto& input : node.inputs()) {
          inputs.push_back(writer.symbols(input));
        }
        out["inputs"] = std::move(inputs);
        out["partitionKeys"] = writer.symbols(node.partitionKeys());
        out["partitionCount"] = node.partitionCount();
      },
      [](const NodeInput& input) {
        auto outputs = input.reader.symbols(input.field("outputs"));
        std::vector<std::vector<sql::Symbol>> inputs;
        for (const auto& symbols : requireArray(input.field("inputs"), "inputs")) {
          inputs.push_back(input.reader.symbols(symbols));
          requireSameSize(inputs.back().size(), outputs.size(), "Exchange inputs and outputs");
        }
        requireSameSize(inputs.size(), input.sources.size(), "Exchange inputs and sources");
        auto partitionCount = input.field("partitionCount").get<int32_t>();
        if (partitionCount < 1) {
          failMalformed("Exchange with partitionCount " + std::to_string(partitionCount));
        }
        return std::make_shared<ExchangeNode>(input.id, kExchangeTypes.fromJson(input.field("type")), input.sources,
            std::move(outputs), std::move(inputs), input.reader.symbols(input.field("partitionKeys")),
            partitionCount);
      });
}

} // namespace

std::vector<PlanNodeCodec> sourceNodeCodecs() {
  return {tableScanCodec(), valuesCodec(), remoteSourceCodec(), exchangeCodec()};
}

} // namespace presto::server::planjson
