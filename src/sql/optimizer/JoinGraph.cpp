#include "sql/optimizer/JoinGraph.h"

#include <map>

#include "sql/optimizer/Conjuncts.h"
#include "sql/optimizer/ExpressionFactory.h"

namespace presto::sql {
namespace {

bool isInnerJoin(const PlanNode& node) {
  auto join = node.as<JoinNode>();
  return join && join->type() == JoinNode::Type::kInner;
}

/// Union-find over symbol names.
class SymbolClasses {
 public:
  std::string find(const std::string& name) {
    auto it = parent_.try_emplace(name, name).first;
    if (it->second == name) {
      return name;
    }
    auto root = find(it->second);
    parent_[name] = root;
    return root;
  }
  void merge(const std::string& left, const std::string& right) { parent_[find(left)] = find(right); }

 private:
  std::map<std::string, std::string> parent_;
};

} // namespace

JoinGraph::JoinGraph(const JoinNode& root) {
  std::vector<std::pair<Symbol, Symbol>> equalities;
  for (const auto& source : root.sources()) {
    collect(source, equalities);
  }
  for (const auto& clause : root.criteria()) {
    equalities.emplace_back(clause.left, clause.right);
  }
  auto rootConjuncts = extractConjuncts(root.filter());
  pendingConjuncts_.insert(pendingConjuncts_.end(), rootConjuncts.begin(), rootConjuncts.end());
  buildClasses(equalities);
}

void JoinGraph::collect(const PlanNodePtr& node, std::vector<std::pair<Symbol, Symbol>>& equalities) {
  if (!isInnerJoin(*node) || relations_.size() + 2 > kMaxRelations) {
    relations_.push_back(node);
    relationSymbols_.push_back(namesOf(node->outputSymbols()));
    return;
  }
  const auto* join = node->as<JoinNode>();
  collect(join->left(), equalities);
  collect(join->right(), equalities);
  for (const auto& clause : join->criteria()) {
    equalities.emplace_back(clause.left, clause.right);
  }
  auto conjuncts = extractConjuncts(join->filter());
  pendingConjuncts_.insert(pendingConjuncts_.end(), conjuncts.begin(), conjuncts.end());
}

uint64_t JoinGraph::relationsReading(const SymbolNames& symbols) const {
  uint64_t mask = 0;
  for (size_t i = 0; i < relationSymbols_.size(); ++i) {
    for (const auto& name : symbols) {
      if (relationSymbols_[i].count(name) > 0) {
        mask |= uint64_t{1} << i;
        break;
      }
    }
  }
  return mask;
}

void JoinGraph::buildClasses(const std::vector<std::pair<Symbol, Symbol>>& equalities) {
  adjacency_.assign(relations_.size(), 0);
  SymbolClasses classes;
  std::map<std::string, Symbol> symbols;
  for (const auto& [left, right] : equalities) {
    classes.merge(left->name(), right->name());
    symbols.emplace(left->name(), left);
    symbols.emplace(right->name(), right);
  }
  std::map<std::string, size_t> classIndex;
  for (const auto& [name, symbol] : symbols) {
    auto [it, inserted] = classIndex.emplace(classes.find(name), classes_.size());
    if (inserted) {
      classes_.emplace_back();
    }
    auto relations = relationsReading({name});
    for (size_t i = 0; i < relations_.size(); ++i) {
      if (relations & (uint64_t{1} << i)) {
        classes_[it->second].push_back({i, symbol});
      }
    }
  }
  for (const auto& members : classes_) {
    uint64_t mask = 0;
    for (const auto& member : members) {
      mask |= uint64_t{1} << member.relation;
    }
    for (const auto& member : members) {
      adjacency_[member.relation] |= mask;
    }
  }
  for (const auto& conjunct : pendingConjuncts_) {
    auto mask = relationsReading(referencedSymbols(*conjunct));
    conjuncts_.push_back({conjunct, mask});
    for (size_t i = 0; i < relations_.size(); ++i) {
      if (mask & (uint64_t{1} << i)) {
        adjacency_[i] |= mask;
      }
    }
  }
  pendingConjuncts_.clear();
}

bool JoinGraph::connected(uint64_t left, uint64_t right) const {
  for (size_t i = 0; i < relations_.size(); ++i) {
    if ((left & (uint64_t{1} << i)) && (adjacency_[i] & right)) {
      return true;
    }
  }
  return false;
}

} // namespace presto::sql
