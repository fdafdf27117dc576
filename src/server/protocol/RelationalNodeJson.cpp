#include "server/protocol/PlanNodeJson.h"
#include "sql/planner/FilterNode.h"
#include "sql/planner/JoinNode.h"
#include "sql/planner/OutputNode.h"
#include "sql/planner/ProjectNode.h"
#include "sql/planner/SemiJoinNode.h"
#include "sql/planner/SetOperationNode.h"
#include "sql/planner/UnnestNode.h"

namespace presto::server::planjson {
namespace {

using sql::JoinNode;
using sql::SetOperationNode;

constexpr EnumNames<JoinNode::Type, 4> kJoinTypes{"join type",
    {{{JoinNode::Type::kInner, "INNER"}, {JoinNode::Type::kLeft, "LEFT"}, {JoinNode::Type::kRight, "RIGHT"},
        {JoinNode::Type::kFull, "FULL"}}}};
constexpr EnumNames<JoinNode::Distribution, 2> kJoinDistributions{"join distribution",
    {{{JoinNode::Distribution::kBroadcast, "BROADCAST"}, {JoinNode::Distribution::kPartitioned, "PARTITIONED"}}}};
constexpr EnumNames<SetOperationNode::Kind, 3> kSetOperations{"set operation",
    {{{SetOperationNode::Kind::kUnion, "UNION"}, {SetOperationNode::Kind::kIntersect, "INTERSECT"},
        {SetOperationNode::Kind::kExcept, "EXCEPT"}}}};

/// A boolean expression of a node (filter, predicate), null allowed when `optional`.
RowExpressionPtr predicateFrom(const NodeInput& input, std::string_view key, bool optional) {
  auto predicate = input.reader.expression(input.field(key));
  if (!predicate ? !optional : predicate->type()->kind() != TypeKind::kBoolean) {
    failMalformed("'" + std::string(key) + "' of node " + std::to_string(input.id) + " must be a boolean expression");
  }
  return predicate;
}

PlanNodeCodec filterCodec() {
  return makeCodec<sql::FilterNode>(
      "Filter", 1,
      [](const sql::FilterNode& node, PlanJsonWriter& writer, Json& out) { out["predicate"] = writer.expression(node.predicate()); },
      [](const NodeInput& input) {
        return std::make_shared<sql::FilterNode>(input.id, input.sources[0], predicateFrom(input, "predicate", false));
      });
}

PlanNodeCodec projectCodec() {
  return makeCodec<sql::ProjectNode>(
      "Project", 1,
      [](const sql::ProjectNode& node, PlanJsonWriter& writer, Json& out) {
        Json assignments = Json::array();
        for (const auto& assignment : node.assignments()) {
          assignments.push_back({{"symbol", writer.symbol(assignment.symbol)}, {"expression", writer.expression(assignment.expression)}});
        }
        out["assignments"] = std::move(assignments);
      },
      [](const NodeInput& input) {
        std::vector<sql::Assignment> assignments;
        for (const auto& assignment : requireArray(input.field("assignments"), "assignments")) {
          auto symbol = input.reader.symbol(requireField(assignment, "symbol"));
          auto expression = input.reader.expression(requireField(assignment, "expression"));
          if (!expression || !sameType(expression->type(), symbol->type())) {
            failMalformed("assignment to " + symbol->name() + " needs a " + symbol->type()->toString() + " expression");
          }
          assignments.push_back({std::move(symbol), std::move(expression)});
        }
        return std::make_shared<sql::ProjectNode>(input.id, input.sources[0], std::move(assignments));
      });
}

PlanNodeCodec joinCodec() {
  return makeCodec<JoinNode>(
      "Join", 2,
      [](const JoinNode& node, PlanJsonWriter& writer, Json& out) {
        out["type"] = kJoinTypes.toJson(node.type());
        Json criteria = Json::array();
        for (const auto& clause : node.criteria()) {
          criteria.push_back({{"left", writer.symbol(clause.left)}, {"right", writer.symbol(clause.right)}});
        }
        out["criteria"] = std::move(criteria);
        out["filter"] = writer.expression(node.filter());
        out["distribution"] = node.distribution() ? kJoinDistributions.toJson(*node.distribution()) : Json(nullptr);
      },
      [](const NodeInput& input) {
        std::vector<JoinNode::EquiClause> criteria;
        for (const auto& clause : requireArray(input.field("criteria"), "criteria")) {
          criteria.push_back({input.reader.symbol(requireField(clause, "left")), input.reader.symbol(requireField(clause, "right"))});
        }
        const auto& distribution = input.field("distribution");
        return std::make_shared<JoinNode>(input.id, kJoinTypes.fromJson(input.field("type")), input.sources[0],
            input.sources[1], std::move(criteria), predicateFrom(input, "filter", true),
            distribution.is_null() ? std::nullopt : std::optional(kJoinDistributions.fromJson(distribution)));
      });
}

PlanNodeCodec semiJoinCodec() {
  return makeCodec<sql::SemiJoinNode>(
      "SemiJoin", 2,
      [](const sql::SemiJoinNode& node, PlanJsonWriter& writer, Json& out) {
        out["sourceKeys"] = writer.symbols(node.sourceKeys());
        out["filteringKeys"] = writer.symbols(node.filteringKeys());
        out["filter"] = writer.expression(node.filter());
        out["nullAware"] = node.nullAware();
        out["output"] = writer.symbol(node.semiJoinOutput());
        out["hashesSource"] = node.hashesSource();
      },
      [](const NodeInput& input) {
        auto sourceKeys = input.reader.symbols(input.field("sourceKeys"));
        auto filteringKeys = input.reader.symbols(input.field("filteringKeys"));
        requireSameSize(sourceKeys.size(), filteringKeys.size(), "SemiJoin source and filtering keys");
        bool nullAware = input.field("nullAware").get<bool>();
        if (nullAware && sourceKeys.empty()) {
          failMalformed("null-aware SemiJoin without keys");
        }
        bool hashesSource = input.field("hashesSource").get<bool>();
        if (nullAware && hashesSource) {
          failMalformed("null-aware SemiJoin hashing its source");
        }
        return std::make_shared<sql::SemiJoinNode>(input.id, input.sources[0], input.sources[1], std::move(sourceKeys),
            std::move(filteringKeys), predicateFrom(input, "filter", true), nullAware,
            input.reader.symbol(input.field("output")), hashesSource);
      });
}

PlanNodeCodec setOperationCodec() {
  return makeCodec<SetOperationNode>(
      "SetOperation", std::nullopt,
      [](const SetOperationNode& node, PlanJsonWriter& writer, Json& out) {
        out["operation"] = kSetOperations.toJson(node.kind());
        out["distinct"] = node.distinct();
        out["outputs"] = writer.symbols(node.outputSymbols());
        Json inputs = Json::array();
        for (const auto& input : node.inputs()) {
          inputs.push_back(writer.symbols(input));
        }
        out["inputs"] = std::move(inputs);
      },
      [](const NodeInput& input) {
        auto outputs = input.reader.symbols(input.field("outputs"));
        std::vector<std::vector<sql::Symbol>> inputs;
        for (const auto& symbols : requireArray(input.field("inputs"), "inputs")) {
          inputs.push_back(input.reader.symbols(symbols));
          requireSameSize(inputs.back().size(), outputs.size(), "SetOperation inputs and outputs");
        }
        requireSameSize(inputs.size(), input.sources.size(), "SetOperation inputs and sources");
        return std::make_shared<SetOperationNode>(input.id, kSetOperations.fromJson(input.field("operation")),
            input.field("distinct").get<bool>(), input.sources, std::move(outputs), std::move(inputs));
      });
}

PlanNodeCodec unnestCodec() {
  return makeCodec<sql::UnnestNode>(
      "Unnest", 1,
      [](const sql::UnnestNode& node, PlanJsonWriter& writer, Json& out) {
        out["replicate"] = writer.symbols(node.replicate());
        Json mappings = Json::array();
        for (const auto& mapping : node.mappings()) {
          mappings.push_back({{"input", writer.symbol(mapping.input)}, {"outputs", writer.symbols(mapping.outputs)}});
        }
        out["mappings"] = std::move(mappings);
        out["ordinality"] = writer.optionalSymbol(node.ordinality());
      },
      [](const NodeInput& input) {
        std::vector<sql::UnnestNode::Mapping> mappings;
        for (const auto& mapping : requireArray(input.field("mappings"), "mappings")) {
          mappings.push_back({input.reader.symbol(requireField(mapping, "input")),
              input.reader.symbols(requireField(mapping, "outputs"))});
        }
        return std::make_shared<sql::UnnestNode>(input.id, input.sources[0], input.reader.symbols(input.field("replicate")),
            std::move(mappings), input.reader.optionalSymbol(input.field("ordinality")));
      });
}

PlanNodeCodec outputCodec() {
  return makeCodec<sql::OutputNode>(
      "Output", 1,
      [](const sql::OutputNode& node, PlanJsonWriter& writer, Json& out) {
        out["columnNames"] = node.columnNames();
        out["outputs"] = writer.symbols(node.outputSymbols());
      },
      [](const NodeInput& input) {
        auto columnNames = input.field("columnNames").get<std::vector<std::string>>();
        auto outputs = input.reader.symbols(input.field("outputs"));
        requireSameSize(columnNames.size(), outputs.size(), "Output column names and outputs");
        return std::make_shared<sql::OutputNode>(input.id, input.sources[0], std::move(columnNames), std::move(outputs));
      });
}

} // namespace

std::vector<PlanNodeCodec> relationalNodeCodecs() {
  return {filterCodec(), projectCodec(), joinCodec(), semiJoinCodec(), setOperationCodec(), unnestCodec(), outputCodec()};
}

} // namespace presto::server::planjson
