#include "server/protocol/PlanNodeJson.h"
#include "sql/planner/AggregationNode.h"
#include "sql/planner/GroupIdNode.h"
#include "sql/planner/MarkDistinctNode.h"
#include "sql/planner/WindowNode.h"

namespace presto::server::planjson {
namespace {

using sql::AggregationNode;
using sql::WindowFrameSpec;

constexpr EnumNames<AggregationNode::Step, 4> kSteps{"aggregation step",
    {{{AggregationNode::Step::kSingle, "SINGLE"}, {AggregationNode::Step::kPartial, "PARTIAL"},
        {AggregationNode::Step::kIntermediate, "INTERMEDIATE"}, {AggregationNode::Step::kFinal, "FINAL"}}}};
constexpr EnumNames<WindowFrameSpec::Type, 3> kFrameTypes{"window frame type",
    {{{WindowFrameSpec::Type::kRows, "ROWS"}, {WindowFrameSpec::Type::kRange, "RANGE"},
        {WindowFrameSpec::Type::kGroups, "GROUPS"}}}};
constexpr EnumNames<WindowFrameSpec::BoundType, 5> kFrameBounds{"window frame bound",
    {{{WindowFrameSpec::BoundType::kUnboundedPreceding, "UNBOUNDED_PRECEDING"},
        {WindowFrameSpec::BoundType::kPreceding, "PRECEDING"}, {WindowFrameSpec::BoundType::kCurrentRow, "CURRENT_ROW"},
        {WindowFrameSpec::BoundType::kFollowing, "FOLLOWING"},
        {WindowFrameSpec::BoundType::kUnboundedFollowing, "UNBOUNDED_FOLLOWING"}}}};

Json argumentsToJson(const std::vector<RowExpressionPtr>& arguments, PlanJsonWriter& writer) {
  Json encoded = Json::array();
  for (const auto& argument : arguments) {
    encoded.push_back(writer.expression(argument));
  }
  return encoded;
}

/// The arguments of an aggregate or window function call.
std::vector<RowExpressionPtr> argumentsFromJson(const Json& json, PlanJsonReader& reader) {
  std::vector<RowExpressionPtr> arguments;
  for (const auto& argument : requireArray(json, "arguments")) {
    arguments.push_back(reader.expression(argument));
    if (!arguments.back()) {
      failMalformed("a function argument is null instead of an expression");
    }
  }
  return arguments;
}

Json aggregateToJson(const AggregationNode::Output& output, PlanJsonWriter& writer) {
  const auto& aggregate = output.aggregate;
  return {{"output", writer.symbol(output.symbol)}, {"function", functionToJson(*aggregate.function)},
      {"arguments", argumentsToJson(aggregate.arguments, writer)}, {"distinct", aggregate.distinct},
      {"filter", writer.optionalSymbol(aggregate.filter)}, {"orderBy", writer.sortKeys(aggregate.orderBy)}};
}

AggregationNode::Output aggregateFromJson(const Json& json, PlanJsonReader& reader) {
  sql::Aggregate aggregate{reader.function(requireField(json, "function")),
      argumentsFromJson(requireField(json, "arguments"), reader), requireField(json, "distinct").get<bool>(),
      reader.optionalSymbol(requireField(json, "filter")), reader.sortKeys(requireField(json, "orderBy"))};
  return {reader.symbol(requireField(json, "output")), std::move(aggregate)};
}

PlanNodeCodec aggregationCodec() {
  return makeCodec<AggregationNode>(
      "Aggregation", 1,
      [](const AggregationNode& node, PlanJsonWriter& writer, Json& out) {
        out["groupingKeys"] = writer.symbols(node.groupingKeys());
        Json aggregates = Json::array();
        for (const auto& output : node.aggregates()) {
          aggregates.push_back(aggregateToJson(output, writer));
        }
        out["aggregates"] = std::move(aggregates);
        out["step"] = kSteps.toJson(node.step());
        out["groupIdSymbol"] = writer.optionalSymbol(node.groupIdSymbol());
        out["groupingSetCount"] = node.groupingSetCount();
      },
      [](const NodeInput& input) {
        std::vector<AggregationNode::Output> aggregates;
        for (const auto& aggregate : requireArray(input.field("aggregates"), "aggregates")) {
          aggregates.push_back(aggregateFromJson(aggregate, input.reader));
        }
        auto groupingSetCount = input.field("groupingSetCount").get<int32_t>();
        if (groupingSetCount < 1) {
          failMalformed("Aggregation with groupingSetCount " + std::to_string(groupingSetCount));
        }
        return std::make_shared<AggregationNode>(input.id, input.sources[0], input.reader.symbols(input.field("groupingKeys")),
            std::move(aggregates), kSteps.fromJson(input.field("step")),
            input.reader.optionalSymbol(input.field("groupIdSymbol")), groupingSetCount);
      });
}

PlanNodeCodec groupIdCodec() {
  return makeCodec<sql::GroupIdNode>(
      "GroupId", 1,
      [](const sql::GroupIdNode& node, PlanJsonWriter& writer, Json& out) {
        Json sets = Json::array();
        for (const auto& set : node.groupingSets()) {
          sets.push_back(writer.symbols(set));
        }
        out["groupingSets"] = std::move(sets);
        Json columns = Json::array();
        for (const auto& column : node.groupingColumns()) {
          columns.push_back({{"output", writer.symbol(column.output)}, {"input", writer.symbol(column.input)}});
        }
        out["groupingColumns"] = std::move(columns);
        out["aggregationArguments"] = writer.symbols(node.aggregationArguments());
        out["groupIdSymbol"] = writer.symbol(node.groupIdSymbol());
      },
      [](const NodeInput& input) {
        std::vector<std::vector<sql::Symbol>> sets;
        for (const auto& set : requireArray(input.field("groupingSets"), "groupingSets")) {
          sets.push_back(input.reader.symbols(set));
        }
        std::vector<sql::GroupIdNode::GroupingColumn> columns;
        for (const auto& column : requireArray(input.field("groupingColumns"), "groupingColumns")) {
          columns.push_back({input.reader.symbol(requireField(column, "output")), input.reader.symbol(requireField(column, "input"))});
        }
        return std::make_shared<sql::GroupIdNode>(input.id, input.sources[0], std::move(sets), std::move(columns),
            input.reader.symbols(input.field("aggregationArguments")), input.reader.symbol(input.field("groupIdSymbol")));
      });
}

PlanNodeCodec markDistinctCodec() {
  return makeCodec<sql::MarkDistinctNode>(
      "MarkDistinct", 1,
      [](const sql::MarkDistinctNode& node, PlanJsonWriter& writer, Json& out) {
        out["marker"] = writer.symbol(node.marker());
        out["distinctSymbols"] = writer.symbols(node.distinctSymbols());
      },
      [](const NodeInput& input) {
        return std::make_shared<sql::MarkDistinctNode>(input.id, input.sources[0], input.reader.symbol(input.field("marker")),
            input.reader.symbols(input.field("distinctSymbols")));
      });
}

Json frameToJson(const WindowFrameSpec& frame, PlanJsonWriter& writer) {
  return {{"type", kFrameTypes.toJson(frame.type)}, {"startType", kFrameBounds.toJson(frame.startType)},
      {"startValue", writer.optionalSymbol(frame.startValue)}, {"endType", kFrameBounds.toJson(frame.endType)},
      {"endValue", writer.optionalSymbol(frame.endValue)}};
}

WindowFrameSpec frameFromJson(const Json& json, PlanJsonReader& reader) {
  return {kFrameTypes.fromJson(requireField(json, "type")), kFrameBounds.fromJson(requireField(json, "startType")),
      reader.optionalSymbol(requireField(json, "startValue")), kFrameBounds.fromJson(requireField(json, "endType")),
      reader.optionalSymbol(requireField(json, "endValue"))};
}

PlanNodeCodec windowCodec() {
  return makeCodec<sql::WindowNode>(
      "Window", 1,
      [](const sql::WindowNode& node, PlanJsonWriter& writer, Json& out) {
        out["partitionBy"] = writer.symbols(node.partitionBy());
        out["orderBy"] = writer.sortKeys(node.orderBy());
        Json functions = Json::array();
        for (const auto& function : node.functions()) {
          functions.push_back({{"output", writer.symbol(function.output)}, {"function", functionToJson(*function.function)},
              {"arguments", argumentsToJson(function.arguments, writer)}, {"frame", frameToJson(function.frame, writer)},
              {"ignoreNulls", function.ignoreNulls}});
        }
        out["functions"] = std::move(functions);
      },
      [](const NodeInput& input) {
        std::vector<sql::WindowNode::Function> functions;
        for (const auto& function : requireArray(input.field("functions"), "functions")) {
          functions.push_back({input.reader.symbol(requireField(function, "output")),
              input.reader.function(requireField(function, "function")),
              argumentsFromJson(requireField(function, "arguments"), input.reader),
              frameFromJson(requireField(function, "frame"), input.reader), requireField(function, "ignoreNulls").get<bool>()});
        }
        return std::make_shared<sql::WindowNode>(input.id, input.sources[0], input.reader.symbols(input.field("partitionBy")),
            input.reader.sortKeys(input.field("orderBy")), std::move(functions));
      });
}

} // namespace

std::vector<PlanNodeCodec> aggregationNodeCodecs() {
  return {aggregationCodec(), groupIdCodec(), markDistinctCodec(), windowCodec()};
}

} // namespace presto::server::planjson
