#include "sql/metadata/SemanticError.h"
#include "sql/planner/ApplyNode.h"
#include "sql/planner/JoinNode.h"
#include "sql/planner/RelationPlanner.h"

namespace presto::sql {
namespace {

JoinNode::Type joinType(Join::Type type) {
  switch (type) {
    case Join::Type::kLeft: return JoinNode::Type::kLeft;
    case Join::Type::kRight: return JoinNode::Type::kRight;
    case Join::Type::kFull: return JoinNode::Type::kFull;
    default: return JoinNode::Type::kInner;
  }
}

void splitConjuncts(const RowExpressionPtr& expression, std::vector<RowExpressionPtr>& conjuncts) {
  if (expression->kind() == RowExpressionKind::kSpecialForm &&
      expression->as<SpecialFormExpression>()->form() == SpecialForm::kAnd) {
    for (const auto& argument : expression->arguments()) {
      splitConjuncts(argument, conjuncts);
    }
    return;
  }
  conjuncts.push_back(expression);
}

/// Which sides' symbols an expression reads: bit 1 left, bit 2 right, bit 4 neither (outer).
int sidesOf(const RowExpression& expression, const std::set<std::string>& left, const std::set<std::string>& right) {
  if (expression.kind() == RowExpressionKind::kVariableReference) {
    const auto& name = expression.as<VariableReferenceExpression>()->name();
    return left.count(name) ? 1 : right.count(name) ? 2 : 4;
  }
  int sides = 0;
  for (const auto& argument : expression.arguments()) {
    sides |= sidesOf(*argument, left, right);
  }
  return sides;
}

std::set<std::string> namesOf(const PlanNodePtr& plan) {
  std::set<std::string> names;
  for (const auto& symbol : plan->outputSymbols()) {
    names.insert(symbol->name());
  }
  return names;
}

RowExpressionPtr conjunction(const std::vector<RowExpressionPtr>& conjuncts) {
  if (conjuncts.empty()) {
    return nullptr;
  }
  if (conjuncts.size() == 1) {
    return conjuncts[0];
  }
  return std::make_shared<SpecialFormExpression>(SpecialForm::kAnd, BOOLEAN(), conjuncts);
}

/// The relation under an alias, and the alias.
const Relation& unaliased(const Relation& relation) {
  return relation.is<AliasedRelation>() ? *relation.as<AliasedRelation>().relation : relation;
}

} // namespace

RelationPlan RelationPlanner::planJoin(const Join& join, const ScopePtr& outerScope) {
  auto left = planRelation(*join.left, outerScope);
  const Relation& rightRelation = unaliased(*join.right);
  if (rightRelation.is<Unnest>() || rightRelation.is<Lateral>()) {
    if (join.type != Join::Type::kCross && join.type != Join::Type::kImplicit && join.type != Join::Type::kInner) {
      userError(errors::NOT_SUPPORTED, join.location, "Only CROSS JOIN and INNER JOIN ON TRUE are supported with UNNEST and LATERAL");
    }
    size_t leftCount = left.fields.size();
    auto plan = rightRelation.is<Unnest>() ? planUnnest(rightRelation.as<Unnest>(), std::move(left), outerScope)
                                           : planLateral(rightRelation.as<Lateral>(), std::move(left), outerScope);
    if (join.right->is<AliasedRelation>()) {
      const auto& aliased = join.right->as<AliasedRelation>();
      size_t added = plan.fields.size() - leftCount;
      if (!aliased.columnNames.empty() && aliased.columnNames.size() != added) {
        semanticError(aliased.location, "Column alias list has {} entries but '{}' has {} columns available",
            aliased.columnNames.size(), aliased.alias->value, added);
      }
      for (size_t i = leftCount; i < plan.fields.size(); ++i) {
        plan.fields[i].qualifier = {aliased.alias->value};
        if (!aliased.columnNames.empty()) {
          plan.fields[i].name = aliased.columnNames[i - leftCount]->value;
        }
      }
    }
    return plan;
  }
  auto right = planRelation(*join.right, outerScope);
  if (join.natural || !join.usingColumns.empty()) {
    return planUsingJoin(join, std::move(left), std::move(right));
  }
  std::vector<Field> fields = left.fields;
  fields.insert(fields.end(), right.fields.begin(), right.fields.end());
  PlanNodePtr leftRoot = left.root;
  PlanNodePtr rightRoot = right.root;
  std::vector<JoinNode::EquiClause> criteria;
  std::vector<RowExpressionPtr> residual;
  if (join.condition) {
    auto scope = std::make_shared<const Scope>(outerScope, fields, true);
    ExpressionContext context{scope, "JOIN clause cannot contain aggregations or window functions"};
    auto predicate = ExpressionAnalyzer(context_, context).analyzePredicate(join.condition, "JOIN ON clause");
    std::vector<RowExpressionPtr> conjuncts;
    splitConjuncts(predicate, conjuncts);
    auto leftNames = namesOf(leftRoot);
    auto rightNames = namesOf(rightRoot);
    for (const auto& conjunct : conjuncts) {
      bool equality = conjunct->kind() == RowExpressionKind::kCall &&
          conjunct->as<CallExpression>()->function()->name() == operators::kEqual;
      if (equality) {
        int leftSides = sidesOf(*conjunct->arguments()[0], leftNames, rightNames);
        int rightSides = sidesOf(*conjunct->arguments()[1], leftNames, rightNames);
        if ((leftSides == 1 && rightSides == 2) || (leftSides == 2 && rightSides == 1)) {
          auto leftValue = conjunct->arguments()[leftSides == 1 ? 0 : 1];
          auto rightValue = conjunct->arguments()[leftSides == 1 ? 1 : 0];
          auto leftSymbol = toSymbols(leftRoot, {leftValue}, "expr")[0];
          auto rightSymbol = toSymbols(rightRoot, {rightValue}, "expr")[0];
          criteria.push_back({leftSymbol, rightSymbol});
          continue;
        }
      }
      residual.push_back(conjunct);
    }
  } else if (join.type != Join::Type::kCross && join.type != Join::Type::kImplicit) {
    semanticError(join.location, "Join must have a condition");
  }
  auto node = std::make_shared<JoinNode>(
      ids_.next(), joinType(join.type), leftRoot, rightRoot, std::move(criteria), conjunction(residual));
  return {node, fields};
}

RelationPlan RelationPlanner::planUsingJoin(const Join& join, RelationPlan left, RelationPlan right) {
  std::vector<IdentifierPtr> columns = join.usingColumns;
  if (join.natural) {
    for (const auto& field : left.fields) {
      if (field.hidden || !field.name) {
        continue;
      }
      for (const auto& other : right.fields) {
        if (!other.hidden && other.name == field.name) {
          auto identifier = std::make_shared<Identifier>();
          identifier->value = *field.name;
          identifier->location = join.location;
          columns.push_back(identifier);
          break;
        }
      }
    }
  }
  auto find = [](const RelationPlan& side, const Identifier& column, const char* sideName) -> const Field& {
    const Field* found = nullptr;
    for (const auto& field : side.fields) {
      if (!field.hidden && field.name == column.value) {
        if (found) {
          semanticError(column.location, "Column '{}' is ambiguous", column.value);
        }
        found = &field;
      }
    }
    if (!found) {
      semanticError(column.location, "Column '{}' is missing from {} side of join", column.value, sideName);
    }
    return *found;
  };
  PlanNodePtr leftRoot = left.root;
  PlanNodePtr rightRoot = right.root;
  std::vector<JoinNode::EquiClause> criteria;
  std::vector<Field> usingFields;
  std::vector<Assignment> coalesced;
  std::set<std::string> usingNames;
  auto type = joinType(join.type);
  for (const auto& column : columns) {
    if (!usingNames.insert(column->value).second) {
      semanticError(column->location, "Column '{}' appears multiple times in USING clause", column->value);
    }
    const Field& leftField = find(left, *column, "left");
    const Field& rightField = find(right, *column, "right");
    auto common = commonSuperType({leftField.symbol->type(), rightField.symbol->type()});
    if (!common) {
      semanticError(column->location, "Column types of left and right side are different for '{}': {} vs {}",
          column->value, leftField.symbol->type()->toString(), rightField.symbol->type()->toString());
    }
    auto leftSymbol = toSymbols(leftRoot, {coerce(leftField.symbol, *common)}, column->value)[0];
    auto rightSymbol = toSymbols(rightRoot, {coerce(rightField.symbol, *common)}, column->value)[0];
    criteria.push_back({leftSymbol, rightSymbol});
    Field merged;
    merged.name = column->value;
    if (type == JoinNode::Type::kFull) {
      merged.symbol = context_.symbols().newSymbol(column->value, *common);
      coalesced.push_back({merged.symbol, std::make_shared<SpecialFormExpression>(SpecialForm::kCoalesce, *common,
                                              std::vector<RowExpressionPtr>{leftSymbol, rightSymbol})});
    } else {
      merged.symbol = type == JoinNode::Type::kRight ? rightSymbol : leftSymbol;
    }
    usingFields.push_back(merged);
  }
  PlanNodePtr node =
      std::make_shared<JoinNode>(ids_.next(), type, leftRoot, rightRoot, std::move(criteria), nullptr);
  if (!coalesced.empty()) {
    node = appendProjections(node, coalesced);
  }
  std::vector<Field> fields = usingFields;
  for (const auto* side : {&left.fields, &right.fields}) {
    for (auto field : *side) {
      if (field.name && usingNames.count(*field.name)) {
        field.qualifiedOnly = true;
        field.hidden = true;
      }
      fields.push_back(field);
    }
  }
  return {node, fields};
}

} // namespace presto::sql
