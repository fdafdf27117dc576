#include "server/protocol/PlanFragmentJson.h"

#include "server/protocol/PlanNodeJson.h"

namespace presto::server {
namespace {

using planjson::EnumNames;
using planjson::Json;
using planjson::requireField;
using sql::OutputPartitioning;
using sql::PlanFragment;

constexpr EnumNames<PlanFragment::Partitioning, 4> kPartitionings{"fragment partitioning",
    {{{PlanFragment::Partitioning::kSource, "SOURCE"}, {PlanFragment::Partitioning::kHash, "HASH"},
        {PlanFragment::Partitioning::kSingle, "SINGLE"}, {PlanFragment::Partitioning::kCoordinatorOnly, "COORDINATOR_ONLY"}}}};
constexpr EnumNames<OutputPartitioning::Kind, 3> kOutputKinds{"output partitioning",
    {{{OutputPartitioning::Kind::kGather, "GATHER"}, {OutputPartitioning::Kind::kHash, "HASH"},
        {OutputPartitioning::Kind::kBroadcast, "BROADCAST"}}}};

PlanFragment decodeFragment(const Json& json, const PlanJsonContext& context) {
  planjson::PlanJsonReader reader(context, requireField(json, "symbols"));
  PlanFragment fragment;
  fragment.id = requireField(json, "id").get<int32_t>();
  fragment.root = reader.node(requireField(json, "root"));
  fragment.partitioning = kPartitionings.fromJson(requireField(json, "partitioning"));
  const auto& output = requireField(json, "outputPartitioning");
  fragment.output.kind = kOutputKinds.fromJson(requireField(output, "kind"));
  fragment.output.keys = reader.symbols(requireField(output, "keys"));
  fragment.outputLayout = reader.symbols(requireField(json, "outputLayout"));
  fragment.sourceFragments = requireField(json, "sourceFragments").get<std::vector<int32_t>>();
  return fragment;
}

} // namespace

std::string planFragmentToJson(const PlanFragment& fragment) {
  try {
    planjson::PlanJsonWriter writer;
    Json json = {{"id", fragment.id}, {"root", writer.node(*fragment.root)},
        {"partitioning", kPartitionings.toJson(fragment.partitioning)},
        {"outputPartitioning", {{"kind", kOutputKinds.toJson(fragment.output.kind)}, {"keys", writer.symbols(fragment.output.keys)}}},
        {"outputLayout", writer.symbols(fragment.outputLayout)}, {"sourceFragments", fragment.sourceFragments}};
    json["symbols"] = writer.symbolTypes();
    return json.dump();
  } catch (const Json::exception& error) {
    // Strings that are not UTF-8, or handle JSON a connector wrote wrongly.
    throw PrestoException(errors::GENERIC_INTERNAL_ERROR,
        "Plan fragment " + std::to_string(fragment.id) + " cannot be encoded as JSON: " + error.what());
  }
}

sql::PlanFragment planFragmentFromJson(std::string_view json, const PlanJsonContext& context) {
  try {
    return decodeFragment(Json::parse(json), context);
  } catch (const PrestoException&) {
    throw;
  } catch (const std::exception& error) {
    // Parse errors and values of the wrong JSON type, as nlohmann-json reports them.
    planjson::failMalformed(error.what());
  }
}

} // namespace presto::server
