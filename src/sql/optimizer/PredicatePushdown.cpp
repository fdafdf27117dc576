#include "sql/optimizer/PredicatePushdown.h"

#include "sql/optimizer/Conjuncts.h"
#include "sql/optimizer/EquiJoinKeys.h"
#include "sql/optimizer/ExpressionSimplifier.h"
#include "sql/optimizer/ReplaceSources.h"
#include "sql/optimizer/SymbolReferences.h"
#include "sql/planner/AggregationNode.h"
#include "sql/planner/FilterNode.h"
#include "sql/planner/JoinNode.h"
#include "sql/planner/ProjectNode.h"
#include "sql/planner/SemiJoinNode.h"
#include "sql/planner/SetOperationNode.h"
#include "sql/planner/SortNode.h"
#include "sql/planner/WindowNode.h"

namespace presto::sql {
namespace {

using Conjuncts = std::vector<RowExpressionPtr>;

class Pusher {
 public:
  explicit Pusher(OptimizerContext& context) : context_(context) {}

  /// A plan equivalent to `node` filtered by `conjuncts`, with the conjuncts pushed down.
  PlanNodePtr push(const PlanNodePtr& node, const Conjuncts& conjuncts) {
    if (auto filter = node->as<FilterNode>()) {
      auto all = conjuncts;
      auto own = extractConjuncts(filter->predicate());
      all.insert(all.end(), own.begin(), own.end());
      return push(filter->source(), uniqueConjuncts(all));
    }
    if (auto project = node->as<ProjectNode>()) {
      return pushThroughProject(node, *project, conjuncts);
    }
    if (auto join = node->as<JoinNode>()) {
      return pushIntoJoin(*join, conjuncts);
    }
    if (auto aggregation = node->as<AggregationNode>()) {
      bool grouped = !aggregation->groupingKeys().empty() && !aggregation->groupIdSymbol();
      return pushOverKeys(node, grouped ? namesOf(aggregation->groupingKeys()) : SymbolNames{}, conjuncts);
    }
    if (auto window = node->as<WindowNode>()) {
      return pushOverKeys(node, namesOf(window->partitionBy()), conjuncts);
    }
    if (node->as<SortNode>()) {
      return replaceSources(node, {push(node->source(), conjuncts)});
    }
    if (auto semiJoin = node->as<SemiJoinNode>()) {
      auto sourceNames = namesOf(semiJoin->source()->outputSymbols());
      return pushOverKeys(node, sourceNames, conjuncts);
    }
    if (auto setOperation = node->as<SetOperationNode>(); setOperation && setOperation->kind() == SetOperationNode::Kind::kUnion) {
      return pushIntoUnion(*setOperation, node, conjuncts);
    }
    return filterOver(rewriteSources(node, [&](const PlanNodePtr& source) { return push(source, {}); }), conjuncts);
  }

 private:
  PlanNodePtr filterOver(const PlanNodePtr& node, const Conjuncts& conjuncts) {
    if (conjuncts.empty()) {
      return node;
    }
    return std::make_shared<FilterNode>(context_.nextId(), node, ExpressionFactory::andOf(conjuncts));
  }

  /// Pushes the deterministic conjuncts over `keys` into the (first) source; the others and the
  /// rest of the sources stay.
  PlanNodePtr pushOverKeys(const PlanNodePtr& node, const SymbolNames& keys, const Conjuncts& conjuncts) {
    Conjuncts below;
    Conjuncts above;
    for (const auto& conjunct : conjuncts) {
      bool movable = conjunct->isDeterministic() && containsAll(keys, referencedSymbols(*conjunct));
      (movable ? below : above).push_back(conjunct);
    }
    std::vector<PlanNodePtr> sources;
    for (size_t i = 0; i < node->sources().size(); ++i) {
      sources.push_back(push(node->sources()[i], i == 0 ? below : Conjuncts{}));
    }
    return filterOver(replaceSources(node, std::move(sources)), above);
  }

  PlanNodePtr pushThroughProject(const PlanNodePtr& node, const ProjectNode& project, const Conjuncts& conjuncts) {
    SymbolMapping assignments;
    for (const auto& assignment : project.assignments()) {
      if (assignment.expression->isDeterministic()) {
        assignments.emplace(assignment.symbol->name(), assignment.expression);
      }
    }
    Conjuncts below;
    Conjuncts above;
    for (const auto& conjunct : conjuncts) {
      bool movable = conjunct->isDeterministic();
      for (const auto& name : referencedSymbols(*conjunct)) {
        movable = movable && assignments.count(name) > 0;
      }
      if (movable) {
        below.push_back(substituteSymbols(conjunct, assignments));
      } else {
        above.push_back(conjunct);
      }
    }
    return filterOver(replaceSources(node, {push(project.source(), below)}), above);
  }

  PlanNodePtr pushIntoUnion(const SetOperationNode& unionNode, const PlanNodePtr& node, const Conjuncts& conjuncts) {
    Conjuncts movable;
    Conjuncts above;
    for (const auto& conjunct : conjuncts) {
      (conjunct->isDeterministic() ? movable : above).push_back(conjunct);
    }
    std::vector<PlanNodePtr> sources;
    for (size_t source = 0; source < node->sources().size(); ++source) {
      SymbolMapping mapping;
      for (size_t i = 0; i < node->outputSymbols().size(); ++i) {
        mapping.emplace(node->outputSymbols()[i]->name(), unionNode.inputs()[source][i]);
      }
      Conjuncts translated;
      for (const auto& conjunct : movable) {
        translated.push_back(substituteSymbols(conjunct, mapping));
      }
      sources.push_back(push(node->sources()[source], translated));
    }
    return filterOver(replaceSources(node, std::move(sources)), above);
  }

  /// Whether `conjunct` is never true when every symbol of `side` is NULL.
  bool rejectsNulls(const RowExpressionPtr& conjunct, const std::vector<Symbol>& side) {
    SymbolMapping nulls;
    auto read = referencedSymbols(*conjunct);
    for (const auto& symbol : side) {
      if (read.count(symbol->name()) > 0) {
        nulls.emplace(symbol->name(), ExpressionFactory::nullConstant(symbol->type()));
      }
    }
    if (nulls.empty() || !conjunct->isDeterministic()) {
      return false;
    }
    auto result = simplifyExpression(substituteSymbols(conjunct, nulls), context_.functions());
    return isNullConstant(*result) || isBooleanConstant(*result, false);
  }

  JoinNode::Type effectiveType(const JoinNode& join, const Conjuncts& conjuncts) {
    bool leftRejected = false;
    bool rightRejected = false;
    for (const auto& conjunct : conjuncts) {
      leftRejected = leftRejected || rejectsNulls(conjunct, join.left()->outputSymbols());
      rightRejected = rightRejected || rejectsNulls(conjunct, join.right()->outputSymbols());
    }
    switch (join.type()) {
      case JoinNode::Type::kInner: return JoinNode::Type::kInner;
      case JoinNode::Type::kLeft: return rightRejected ? JoinNode::Type::kInner : JoinNode::Type::kLeft;
      case JoinNode::Type::kRight: return leftRejected ? JoinNode::Type::kInner : JoinNode::Type::kRight;
      case JoinNode::Type::kFull:
        if (leftRejected && rightRejected) {
          return JoinNode::Type::kInner;
        }
        return leftRejected ? JoinNode::Type::kLeft : rightRejected ? JoinNode::Type::kRight : JoinNode::Type::kFull;
    }
    return join.type();
  }

  /// Copies of the conjuncts over `from` rewritten to `to` through the join's key equalities, for
  /// the conjuncts whose every symbol has an equal on the other side.
  Conjuncts inferThroughKeys(const Conjuncts& conjuncts, const SymbolMapping& equalities) {
    Conjuncts inferred;
    for (const auto& conjunct : conjuncts) {
      auto read = referencedSymbols(*conjunct);
      bool translatable = conjunct->isDeterministic() && !read.empty();
      for (const auto& name : read) {
        translatable = translatable && equalities.count(name) > 0;
      }
      if (translatable) {
        inferred.push_back(substituteSymbols(conjunct, equalities));
      }
    }
    return inferred;
  }

  /// What a disjunction of conjunctions spanning both join sides implies about one side: the OR
  /// of each disjunct's conjuncts over that side's symbols, e.g. `(a = 1 AND b = 2) OR (a = 3 AND
  /// b = 4)` implies `a = 1 OR a = 3` on a's side. None when some disjunct says nothing about it.
  /// The original predicate stays on the join; the implied one only filters earlier.
  RowExpressionPtr impliedOnSide(const RowExpressionPtr& conjunct, const SymbolNames& side) {
    auto disjuncts = extractDisjuncts(conjunct);
    if (disjuncts.size() < 2 || !conjunct->isDeterministic()) {
      return nullptr;
    }
    std::vector<RowExpressionPtr> implied;
    for (const auto& disjunct : disjuncts) {
      Conjuncts parts;
      for (const auto& part : extractConjuncts(disjunct)) {
        auto read = referencedSymbols(*part);
        if (!read.empty() && containsAll(side, read)) {
          parts.push_back(part);
        }
      }
      if (parts.empty()) {
        return nullptr;
      }
      implied.push_back(ExpressionFactory::andOf(parts));
    }
    return ExpressionFactory::orOf(implied);
  }

  PlanNodePtr pushIntoJoin(const JoinNode& join, const Conjuncts& conjuncts) {
    auto type = effectiveType(join, conjuncts);
    Conjuncts joinConjuncts = extractConjuncts(join.filter());
    if (type == JoinNode::Type::kInner) {
      Conjuncts all = conjuncts;
      for (const auto& clause : join.criteria()) {
        all.push_back(context_.expressions().equal(clause.left, clause.right));
      }
      all.insert(all.end(), joinConjuncts.begin(), joinConjuncts.end());
      return pushIntoInnerJoin(join, uniqueConjuncts(all));
    }
    if (type == JoinNode::Type::kFull) {
      return filterOver(rewriteSources(std::make_shared<JoinNode>(context_.nextId(), type, join.left(), join.right(),
                                           join.criteria(), join.filter(), join.distribution()),
                            [&](const PlanNodePtr& source) { return push(source, {}); }),
          conjuncts);
    }
    return pushIntoOuterJoin(join, type, conjuncts, joinConjuncts);
  }

  PlanNodePtr pushIntoOuterJoin(
      const JoinNode& join, JoinNode::Type type, const Conjuncts& conjuncts, const Conjuncts& joinConjuncts) {
    bool leftPreserved = type == JoinNode::Type::kLeft;
    const auto& preserved = leftPreserved ? join.left() : join.right();
    const auto& inner = leftPreserved ? join.right() : join.left();
    auto preservedNames = namesOf(preserved->outputSymbols());
    auto innerNames = namesOf(inner->outputSymbols());
    SymbolMapping toInner;
    for (const auto& clause : join.criteria()) {
      const auto& from = leftPreserved ? clause.left : clause.right;
      const auto& to = leftPreserved ? clause.right : clause.left;
      toInner.emplace(from->name(), to);
    }
    Conjuncts preservedConjuncts;
    Conjuncts above;
    for (const auto& conjunct : conjuncts) {
      bool movable = conjunct->isDeterministic() && containsAll(preservedNames, referencedSymbols(*conjunct));
      (movable ? preservedConjuncts : above).push_back(conjunct);
    }
    Conjuncts innerConjuncts = inferThroughKeys(preservedConjuncts, toInner);
    Conjuncts filter;
    for (const auto& conjunct : joinConjuncts) {
      bool movable = conjunct->isDeterministic() && containsAll(innerNames, referencedSymbols(*conjunct));
      (movable ? innerConjuncts : filter).push_back(conjunct);
    }
    auto newPreserved = push(preserved, preservedConjuncts);
    auto newInner = push(inner, uniqueConjuncts(innerConjuncts));
    auto joined = std::make_shared<JoinNode>(context_.nextId(), type, leftPreserved ? newPreserved : newInner,
        leftPreserved ? newInner : newPreserved, join.criteria(), filter.empty() ? nullptr : ExpressionFactory::andOf(filter),
        join.distribution());
    return filterOver(joined, above);
  }

  PlanNodePtr pushIntoInnerJoin(const JoinNode& join, const Conjuncts& all) {
    auto leftNames = namesOf(join.left()->outputSymbols());
    auto rightNames = namesOf(join.right()->outputSymbols());
    Conjuncts leftConjuncts;
    Conjuncts rightConjuncts;
    Conjuncts equalities;
    Conjuncts filter;
    Conjuncts above;
    SymbolMapping leftToRight;
    SymbolMapping rightToLeft;
    for (const auto& conjunct : all) {
      auto read = referencedSymbols(*conjunct);
      if (!conjunct->isDeterministic()) {
        above.push_back(conjunct);
      } else if (containsAll(leftNames, read)) {
        leftConjuncts.push_back(conjunct);
      } else if (containsAll(rightNames, read)) {
        rightConjuncts.push_back(conjunct);
      } else if (isCallOf(*conjunct, operators::kEqual)) {
        equalities.push_back(conjunct);
        auto a = asSymbol(conjunct->arguments()[0]);
        auto b = asSymbol(conjunct->arguments()[1]);
        if (a && b && leftNames.count(b->name()) > 0) {
          std::swap(a, b);
        }
        if (a && b && leftNames.count(a->name()) > 0 && rightNames.count(b->name()) > 0) {
          leftToRight.emplace(a->name(), b);
          rightToLeft.emplace(b->name(), a);
        }
      } else {
        filter.push_back(conjunct);
        for (auto [names, sideConjuncts] : {std::pair(&leftNames, &leftConjuncts), std::pair(&rightNames, &rightConjuncts)}) {
          if (auto implied = impliedOnSide(conjunct, *names)) {
            sideConjuncts->push_back(implied);
          }
        }
      }
    }
    auto fromLeft = inferThroughKeys(leftConjuncts, leftToRight);
    auto fromRight = inferThroughKeys(rightConjuncts, rightToLeft);
    leftConjuncts.insert(leftConjuncts.end(), fromRight.begin(), fromRight.end());
    rightConjuncts.insert(rightConjuncts.end(), fromLeft.begin(), fromLeft.end());
    auto left = push(join.left(), uniqueConjuncts(leftConjuncts));
    auto right = push(join.right(), uniqueConjuncts(rightConjuncts));
    // Equalities between expressions of the two sides become criteria over projected keys.
    auto keys = equiJoinKeys(left, right, equalities, context_);
    std::vector<JoinNode::EquiClause> criteria;
    for (size_t i = 0; i < keys->leftKeys.size(); ++i) {
      criteria.push_back({keys->leftKeys[i], keys->rightKeys[i]});
    }
    filter.insert(filter.end(), keys->residual.begin(), keys->residual.end());
    auto joined = std::make_shared<JoinNode>(context_.nextId(), JoinNode::Type::kInner, keys->left, keys->right,
        std::move(criteria), filter.empty() ? nullptr : ExpressionFactory::andOf(filter), join.distribution());
    return filterOver(joined, above);
  }

  OptimizerContext& context_;
};

class PredicatePushdown : public OptimizerPass {
 public:
  std::string name() const override { return "predicate_pushdown"; }
  PlanNodePtr optimize(const PlanNodePtr& plan, OptimizerContext& context) const override {
    return Pusher(context).push(plan, {});
  }
};

} // namespace

OptimizerPassPtr makePredicatePushdownPass() {
  return std::make_unique<PredicatePushdown>();
}

} // namespace presto::sql
