#include "exec/plan/RowNodes.h"

#include "common/Check.h"

namespace presto::exec {
namespace {

TypePtr unnestOutputType(const PlanNode& source, const std::vector<int32_t>& replicated,
    const std::vector<int32_t>& unnested, bool withOrdinality) {
  const auto& input = source.outputRowType();
  std::vector<std::string> names;
  std::vector<TypePtr> types;
  for (auto channel : replicated) {
    names.push_back(input.nameOf(static_cast<size_t>(channel)));
    types.push_back(input.childAt(static_cast<size_t>(channel)));
  }
  for (auto channel : unnested) {
    const auto& type = input.childAt(static_cast<size_t>(channel));
    const auto& name = input.nameOf(static_cast<size_t>(channel));
    if (type->kind() == TypeKind::kArray) {
      names.push_back(name + "_e");
      types.push_back(type->childAt(0));
    } else {
      PRESTO_CHECK(type->kind() == TypeKind::kMap, "cannot unnest {}", type->toString());
      names.push_back(name + "_k");
      types.push_back(type->childAt(0));
      names.push_back(name + "_v");
      types.push_back(type->childAt(1));
    }
  }
  if (withOrdinality) {
    names.push_back("ordinality");
    types.push_back(BIGINT());
  }
  return makeRowType(std::move(names), std::move(types));
}

} // namespace

UnnestNode::UnnestNode(std::string id, PlanNodePtr source, std::vector<int32_t> replicated,
    std::vector<int32_t> unnested, bool withOrdinality)
    : SingleSourceNode(std::move(id), unnestOutputType(*source, replicated, unnested, withOrdinality), source),
      replicated_(std::move(replicated)), unnested_(std::move(unnested)), withOrdinality_(withOrdinality) {}

LocalExchangeNode::LocalExchangeNode(
    std::string id, LocalExchangeKind kind, std::vector<int32_t> keys, std::vector<PlanNodePtr> sources)
    : PlanNode(std::move(id), sources.at(0)->outputType()), kind_(kind), keys_(std::move(keys)),
      sources_(std::move(sources)) {
  for (const auto& source : sources_) {
    auto types = source->outputTypes();
    auto expected = sources_[0]->outputTypes();
    PRESTO_CHECK(types.size() == expected.size(), "local exchange sources differ in column count");
    for (size_t i = 0; i < types.size(); ++i) {
      PRESTO_CHECK(sameType(types[i], expected[i]), "local exchange sources differ in column {} type", i);
    }
  }
  PRESTO_CHECK(kind_ != LocalExchangeKind::kRepartition || !keys_.empty(), "repartitioning needs keys");
}

} // namespace presto::exec
