#include "sql/metadata/SemanticError.h"
#include "sql/parser/SqlFormatter.h"
#include "sql/planner/AggregationNode.h"
#include "sql/planner/GroupIdNode.h"
#include "sql/planner/RelationPlanner.h"

namespace presto::sql {
namespace {

/// The grouping expressions of GROUP BY (distinct, in order of appearance) and the grouping sets
/// as indices into them: the cross product of the sets of each grouping element.
struct GroupingSetsAnalysis {
  std::vector<ExpressionPtr> expressions;
  std::vector<std::vector<size_t>> sets;
  bool hasComplexElements = false;
};

size_t indexOf(std::vector<ExpressionPtr>& expressions, const ExpressionPtr& expression) {
  for (size_t i = 0; i < expressions.size(); ++i) {
    if (expressions[i]->equals(*expression)) {
      return i;
    }
  }
  expressions.push_back(expression);
  return expressions.size() - 1;
}

GroupingSetsAnalysis analyzeGroupBy(const GroupBy* groupBy, const std::vector<ExpressionPtr>& selectExpressions) {
  GroupingSetsAnalysis analysis;
  analysis.sets = {{}};
  if (!groupBy) {
    return analysis;
  }
  // GROUP BY ordinals refer to select items.
  auto resolveOrdinal = [&](const ExpressionPtr& expression) -> ExpressionPtr {
    if (!expression->is<LongLiteral>()) {
      return expression;
    }
    int64_t position = expression->as<LongLiteral>().value;
    if (position < 1 || position > static_cast<int64_t>(selectExpressions.size())) {
      semanticError(expression->location, "GROUP BY position {} is not in select list", position);
    }
    return selectExpressions[position - 1];
  };
  for (const auto& element : groupBy->groupingElements) {
    std::vector<std::vector<size_t>> elementSets;
    auto indices = [&](const std::vector<ExpressionPtr>& expressions) {
      std::vector<size_t> set;
      for (const auto& expression : expressions) {
        set.push_back(indexOf(analysis.expressions, resolveOrdinal(expression)));
      }
      return set;
    };
    switch (element->kind()) {
      case NodeKind::kSimpleGroupBy: elementSets.push_back(indices(element->as<SimpleGroupBy>().expressions)); break;
      case NodeKind::kGroupingSets:
        analysis.hasComplexElements = true;
        for (const auto& set : element->as<GroupingSets>().sets) {
          elementSets.push_back(indices(set));
        }
        break;
      case NodeKind::kRollup: {
        analysis.hasComplexElements = true;
        auto all = indices(element->as<Rollup>().expressions);
        for (size_t length = all.size() + 1; length-- > 0;) {
          elementSets.emplace_back(all.begin(), all.begin() + static_cast<ptrdiff_t>(length));
        }
        break;
      }
      case NodeKind::kCube: {
        analysis.hasComplexElements = true;
        auto all = indices(element->as<Cube>().expressions);
        if (all.size() > 20) {
          semanticError(element->location, "CUBE supports at most 20 grouping columns");
        }
        for (uint64_t mask = (uint64_t{1} << all.size()); mask-- > 0;) {
          std::vector<size_t> set;
          for (size_t i = 0; i < all.size(); ++i) {
            if (mask & (uint64_t{1} << (all.size() - 1 - i))) {
              set.push_back(all[i]);
            }
          }
          elementSets.push_back(set);
        }
        break;
      }
      default: break;
    }
    std::vector<std::vector<size_t>> product;
    for (const auto& existing : analysis.sets) {
      for (const auto& added : elementSets) {
        auto combined = existing;
        for (size_t index : added) {
          if (std::find(combined.begin(), combined.end(), index) == combined.end()) {
            combined.push_back(index);
          }
        }
        product.push_back(std::move(combined));
      }
    }
    analysis.sets = std::move(product);
  }
  if (groupBy->distinct) {
    std::vector<std::vector<size_t>> unique;
    for (auto set : analysis.sets) {
      std::sort(set.begin(), set.end());
      if (std::find(unique.begin(), unique.end(), set) == unique.end()) {
        unique.push_back(set);
      }
    }
    analysis.sets = std::move(unique);
  }
  return analysis;
}

} // namespace

RelationPlanner::AggregationResult RelationPlanner::planAggregation(const QuerySpecification& specification,
    PlanNodePtr& current, const ScopePtr& sourceScope, const std::vector<std::shared_ptr<const FunctionCall>>& aggregates,
    const std::vector<ExpressionPtr>& selectExpressions) {
  auto groupBy = analyzeGroupBy(specification.groupBy.get(), selectExpressions);

  // Grouping keys and aggregate arguments, analyzed over the source.
  std::vector<RowExpressionPtr> keyExpressions;
  for (const auto& expression : groupBy.expressions) {
    ExpressionContext keyContext{sourceScope, "GROUP BY clause cannot contain aggregations or window functions"};
    auto key = ExpressionAnalyzer(context_, keyContext).analyze(expression);
    if (!key->type()->isComparable()) {
      semanticError(expression->location, "{} is not comparable, and therefore cannot be used in GROUP BY",
          key->type()->toString());
    }
    keyExpressions.push_back(key);
  }

  struct PendingAggregate {
    ResolvedFunctionPtr function;
    std::vector<RowExpressionPtr> arguments;
    RowExpressionPtr filter;
    std::vector<RowExpressionPtr> orderBy;
  };
  std::vector<PendingAggregate> pending;
  std::vector<std::shared_ptr<const FunctionCall>> groupingCalls;
  for (const auto& call : aggregates) {
    std::string name = call->name.toString();
    if (name == "grouping") {
      groupingCalls.push_back(call);
      pending.push_back({});
      continue;
    }
    ExpressionContext argumentContext{
        sourceScope, fmt::format("Cannot nest aggregations inside aggregation '{}'", name)};
    ExpressionAnalyzer analyzer(context_, argumentContext);
    PendingAggregate aggregate;
    std::vector<TypePtr> types;
    for (const auto& argument : call->arguments) {
      aggregate.arguments.push_back(analyzer.analyze(argument));
      types.push_back(aggregate.arguments.back()->type());
    }
    aggregate.function =
        ExpressionAnalyzer::resolveFunction(context_.functions(), name, types, FunctionKind::kAggregate, call->location);
    for (size_t i = 0; i < aggregate.arguments.size(); ++i) {
      aggregate.arguments[i] = coerce(aggregate.arguments[i], aggregate.function->argumentTypes[i]);
    }
    if (call->filter) {
      aggregate.filter = analyzer.analyzePredicate(call->filter, "Filter expression");
    }
    for (const auto& item : call->orderBy) {
      aggregate.orderBy.push_back(analyzer.analyze(item->sortKey));
    }
    pending.push_back(std::move(aggregate));
  }

  // One projection computes every key and argument that is not already a symbol.
  std::vector<RowExpressionPtr> inputs = keyExpressions;
  for (const auto& aggregate : pending) {
    inputs.insert(inputs.end(), aggregate.arguments.begin(), aggregate.arguments.end());
    if (aggregate.filter) {
      inputs.push_back(aggregate.filter);
    }
    inputs.insert(inputs.end(), aggregate.orderBy.begin(), aggregate.orderBy.end());
  }
  auto inputSymbols = toSymbols(current, inputs, "expr");
  std::vector<Symbol> keySymbols(inputSymbols.begin(), inputSymbols.begin() + static_cast<ptrdiff_t>(keyExpressions.size()));
  std::vector<Symbol> argumentSymbols(inputSymbols.begin() + static_cast<ptrdiff_t>(keyExpressions.size()), inputSymbols.end());

  AggregationResult result;
  std::vector<Symbol> groupingKeys;
  std::optional<Symbol> groupIdSymbol;
  int32_t groupingSetCount = static_cast<int32_t>(groupBy.sets.size());
  if (groupBy.sets.size() > 1 || groupBy.hasComplexElements) {
    // GroupId renames the grouping columns: aggregates must still see the original values.
    std::vector<GroupIdNode::GroupingColumn> columns;
    std::vector<Symbol> outputsByKey;
    for (const auto& key : keySymbols) {
      Symbol output;
      for (const auto& column : columns) {
        if (sameSymbol(column.input, key)) {
          output = column.output;
        }
      }
      if (!output) {
        output = context_.symbols().newSymbol(key->name(), key->type());
        columns.push_back({output, key});
      }
      outputsByKey.push_back(output);
    }
    std::vector<std::vector<Symbol>> sets;
    for (const auto& set : groupBy.sets) {
      std::vector<Symbol> symbols;
      for (size_t index : set) {
        symbols.push_back(outputsByKey[index]);
      }
      sets.push_back(symbols);
    }
    std::vector<Symbol> passThrough;
    for (const auto& symbol : argumentSymbols) {
      if (std::none_of(passThrough.begin(), passThrough.end(), [&](const Symbol& s) { return sameSymbol(s, symbol); })) {
        passThrough.push_back(symbol);
      }
    }
    groupIdSymbol = context_.symbols().newSymbol("groupid", BIGINT());
    current = std::make_shared<GroupIdNode>(ids_.next(), current, sets, columns, passThrough, *groupIdSymbol);
    for (const auto& column : columns) {
      groupingKeys.push_back(column.output);
    }
    groupingKeys.push_back(*groupIdSymbol);
    for (size_t i = 0; i < keySymbols.size(); ++i) {
      result.grouping.keys[keySymbols[i]->name()] = outputsByKey[i];
      result.substitutions.push_back({groupBy.expressions[i], outputsByKey[i]});
    }
  } else {
    for (size_t i = 0; i < keySymbols.size(); ++i) {
      if (std::none_of(groupingKeys.begin(), groupingKeys.end(), [&](const Symbol& s) { return sameSymbol(s, keySymbols[i]); })) {
        groupingKeys.push_back(keySymbols[i]);
      }
      result.grouping.keys[keySymbols[i]->name()] = keySymbols[i];
      result.substitutions.push_back({groupBy.expressions[i], keySymbols[i]});
    }
  }
  result.grouping.source = sourceScope.get();

  std::vector<AggregationNode::Output> outputs;
  size_t next = 0;
  for (size_t i = 0; i < aggregates.size(); ++i) {
    const auto& call = aggregates[i];
    auto& aggregate = pending[i];
    if (!aggregate.function) {
      continue;
    }
    Aggregate computed;
    computed.function = aggregate.function;
    computed.distinct = call->distinct;
    for (size_t j = 0; j < aggregate.arguments.size(); ++j) {
      computed.arguments.push_back(argumentSymbols[next++]);
    }
    if (aggregate.filter) {
      computed.filter = argumentSymbols[next++];
    }
    for (size_t j = 0; j < aggregate.orderBy.size(); ++j) {
      const auto& item = *call->orderBy[j];
      computed.orderBy.push_back(
          {argumentSymbols[next++], !item.descending, item.nullOrdering == SortItem::NullOrdering::kFirst});
    }
    auto symbol = context_.symbols().newSymbol(call->name.toString(), aggregate.function->returnType);
    outputs.push_back({symbol, std::move(computed)});
    result.substitutions.push_back({call, symbol});
  }
  current = std::make_shared<AggregationNode>(ids_.next(), current, groupingKeys, std::move(outputs),
      AggregationNode::Step::kSingle, groupIdSymbol, groupingSetCount);

  // GROUPING(a, b): a bit per argument, set when the argument is not grouped in the row's set.
  for (const auto& call : groupingCalls) {
    std::vector<size_t> argumentIndices;
    for (const auto& argument : call->arguments) {
      ExpressionContext argumentContext{sourceScope, "GROUPING() cannot contain aggregations"};
      auto analyzed = ExpressionAnalyzer(context_, argumentContext).analyze(argument);
      std::optional<size_t> found;
      for (size_t k = 0; k < keyExpressions.size(); ++k) {
        if (keyExpressions[k]->equals(*analyzed)) {
          found = k;
        }
      }
      if (!found) {
        semanticError(argument->location, "The arguments to GROUPING() must be expressions referenced by the GROUP BY at the associated query level. Mismatch due to {}.", formatExpression(*argument));
      }
      argumentIndices.push_back(*found);
    }
    auto maskOf = [&](const std::vector<size_t>& set) {
      int64_t mask = 0;
      for (size_t index : argumentIndices) {
        mask = (mask << 1) | (std::find(set.begin(), set.end(), index) == set.end() ? 1 : 0);
      }
      return mask;
    };
    RowExpressionPtr value;
    if (!groupIdSymbol) {
      value = std::make_shared<ConstantExpression>(Value(maskOf(groupBy.sets[0])), BIGINT());
    } else {
      std::vector<RowExpressionPtr> arguments{*groupIdSymbol};
      for (size_t set = 0; set < groupBy.sets.size(); ++set) {
        arguments.push_back(std::make_shared<SpecialFormExpression>(SpecialForm::kWhen, BIGINT(),
            std::vector<RowExpressionPtr>{std::make_shared<ConstantExpression>(Value(static_cast<int64_t>(set)), BIGINT()),
                std::make_shared<ConstantExpression>(Value(maskOf(groupBy.sets[set])), BIGINT())}));
      }
      arguments.push_back(std::make_shared<ConstantExpression>(Value::null(), BIGINT()));
      value = std::make_shared<SpecialFormExpression>(SpecialForm::kSwitch, BIGINT(), std::move(arguments));
    }
    result.substitutions.push_back({call, value});
  }
  return result;
}

} // namespace presto::sql
