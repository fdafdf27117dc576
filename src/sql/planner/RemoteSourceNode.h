#pragma once

#include "sql/planner/ExchangeNode.h"

namespace presto::sql {

/// A leaf of a plan fragment reading the pages that its source fragments send it over a remote
/// exchange (the ExchangeNode the fragmenter cut). Page channel i holds output symbol i; every
/// source fragment's output layout matches these symbols position by position. `exchangeType`
/// tells how the producers partitioned their output (which buffer a consumer task reads).
class RemoteSourceNode : public PlanNode {
 public:
  RemoteSourceNode(PlanNodeId id, std::vector<int32_t> sourceFragmentIds, std::vector<Symbol> outputs,
      ExchangeNode::Type exchangeType)
      : PlanNode(id, {}, std::move(outputs)),
        sourceFragmentIds_(std::move(sourceFragmentIds)),
        exchangeType_(exchangeType) {}

  const std::vector<int32_t>& sourceFragmentIds() const { return sourceFragmentIds_; }
  ExchangeNode::Type exchangeType() const { return exchangeType_; }

  std::string name() const override { return "RemoteSource"; }
  /// `1, 2` (the source fragment ids).
  std::string details() const override {
    std::string text;
    for (auto fragment : sourceFragmentIds_) {
      text += (text.empty() ? "" : ", ") + std::to_string(fragment);
    }
    return text;
  }

 private:
  const std::vector<int32_t> sourceFragmentIds_;
  const ExchangeNode::Type exchangeType_;
};

} // namespace presto::sql
