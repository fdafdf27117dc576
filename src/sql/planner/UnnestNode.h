#pragma once

#include <optional>

#include "sql/planner/PlanNode.h"

namespace presto::sql {

/// Expands arrays and maps into rows: for each source row, one row per element (the longest
/// input decides, shorter ones pad with NULLs), repeating the `replicate` symbols. Outputs the
/// replicated symbols, the element symbols of each unnested input, then the ordinality.
class UnnestNode : public PlanNode {
 public:
  struct Mapping {
    Symbol input;
    /// One symbol for an array of non-rows, one per field for an array of rows, two for a map.
    std::vector<Symbol> outputs;
  };

  UnnestNode(PlanNodeId id, PlanNodePtr source, std::vector<Symbol> replicate, std::vector<Mapping> mappings,
      std::optional<Symbol> ordinality)
      : PlanNode(id, {std::move(source)}, outputsOf(replicate, mappings, ordinality)),
        replicate_(std::move(replicate)),
        mappings_(std::move(mappings)),
        ordinality_(std::move(ordinality)) {}

  const std::vector<Symbol>& replicate() const { return replicate_; }
  const std::vector<Mapping>& mappings() const { return mappings_; }
  const std::optional<Symbol>& ordinality() const { return ordinality_; }

  std::string name() const override { return "Unnest"; }
  std::string details() const override {
    std::string text = "replicate = [" + symbolNames(replicate_) + "]";
    for (const auto& mapping : mappings_) {
      text += ", " + mapping.input->name() + " -> [" + symbolNames(mapping.outputs) + "]";
    }
    if (ordinality_) {
      text += ", ordinality = " + (*ordinality_)->name();
    }
    return text;
  }

 private:
  static std::vector<Symbol> outputsOf(
      const std::vector<Symbol>& replicate, const std::vector<Mapping>& mappings, const std::optional<Symbol>& ordinality) {
    std::vector<Symbol> outputs = replicate;
    for (const auto& mapping : mappings) {
      outputs.insert(outputs.end(), mapping.outputs.begin(), mapping.outputs.end());
    }
    if (ordinality) {
      outputs.push_back(*ordinality);
    }
    return outputs;
  }

  const std::vector<Symbol> replicate_;
  const std::vector<Mapping> mappings_;
  const std::optional<Symbol> ordinality_;
};

} // namespace presto::sql
