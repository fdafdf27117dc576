#pragma once

#include <cstdint>

#include "sql/optimizer/SymbolReferences.h"
#include "sql/planner/JoinNode.h"

namespace presto::sql {

/// A tree of inner joins flattened: its relations (the inputs that are not inner joins) and its
/// conjuncts. Key equalities are merged into equivalence classes of symbols; the other conjuncts
/// are kept with the set of relations they read. Sets of relations are bit masks (relation i is
/// bit i).
class JoinGraph {
 public:
  /// Relations past this many are not reordered (masks are 64 bits).
  static constexpr size_t kMaxRelations = 64;

  struct Member {
    size_t relation;
    Symbol symbol;
  };
  struct Conjunct {
    RowExpressionPtr expression;
    uint64_t relations;
  };

  /// REQUIRES: root.type() == JoinNode::Type::kInner.
  explicit JoinGraph(const JoinNode& root);

  const std::vector<PlanNodePtr>& relations() const { return relations_; }
  /// Replaces a relation by an equivalent plan (same outputs).
  void setRelation(size_t index, PlanNodePtr plan) { relations_[index] = std::move(plan); }
  const std::vector<std::vector<Member>>& equivalenceClasses() const { return classes_; }
  const std::vector<Conjunct>& conjuncts() const { return conjuncts_; }

  /// Whether some class or conjunct connects a relation of `left` with one of `right`.
  bool connected(uint64_t left, uint64_t right) const;
  /// The relations whose outputs include one of `symbols`.
  uint64_t relationsReading(const SymbolNames& symbols) const;

 private:
  void collect(const PlanNodePtr& node, std::vector<std::pair<Symbol, Symbol>>& equalities);
  void buildClasses(const std::vector<std::pair<Symbol, Symbol>>& equalities);

  std::vector<PlanNodePtr> relations_;
  std::vector<SymbolNames> relationSymbols_;
  std::vector<std::vector<Member>> classes_;
  std::vector<Conjunct> conjuncts_;
  std::vector<RowExpressionPtr> pendingConjuncts_;
  std::vector<uint64_t> adjacency_;
};

} // namespace presto::sql
