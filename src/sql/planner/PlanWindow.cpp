#include "sql/metadata/SemanticError.h"
#include "sql/parser/SqlFormatter.h"
#include "sql/planner/RelationPlanner.h"
#include "sql/planner/WindowNode.h"

namespace presto::sql {
namespace {

WindowFrameSpec::BoundType boundType(FrameBound::Type type) {
  switch (type) {
    case FrameBound::Type::kUnboundedPreceding: return WindowFrameSpec::BoundType::kUnboundedPreceding;
    case FrameBound::Type::kPreceding: return WindowFrameSpec::BoundType::kPreceding;
    case FrameBound::Type::kCurrentRow: return WindowFrameSpec::BoundType::kCurrentRow;
    case FrameBound::Type::kFollowing: return WindowFrameSpec::BoundType::kFollowing;
    case FrameBound::Type::kUnboundedFollowing: return WindowFrameSpec::BoundType::kUnboundedFollowing;
  }
  return WindowFrameSpec::BoundType::kCurrentRow;
}

/// The window of a call with `OVER name` merged with the named definition.
WindowSpecificationPtr effectiveWindow(const FunctionCall& call, const QuerySpecification& specification) {
  auto window = call.window;
  if (!window->existingWindowName) {
    return window;
  }
  for (const auto& definition : specification.windows) {
    if (definition->name->value == window->existingWindowName->value) {
      auto merged = std::make_shared<WindowSpecification>();
      merged->location = window->location;
      merged->partitionBy = definition->window->partitionBy;
      merged->orderBy = window->orderBy.empty() ? definition->window->orderBy : window->orderBy;
      merged->frame = window->frame ? window->frame : definition->window->frame;
      return merged;
    }
  }
  semanticError(window->existingWindowName->location, "Cannot resolve WINDOW name {}", window->existingWindowName->value);
}

} // namespace

void RelationPlanner::planWindowFunctions(const QuerySpecification& specification, PlanNodePtr& current,
    const std::vector<std::shared_ptr<const FunctionCall>>& windowCalls, ExpressionContext context,
    std::vector<Substitution>& substitutions) {
  struct Group {
    std::vector<Symbol> partitionBy;
    std::vector<SortKey> orderBy;
    std::vector<WindowNode::Function> functions;
  };
  std::vector<Group> groups;
  context.aggregateError = "";
  for (const auto& call : windowCalls) {
    auto window = effectiveWindow(*call, specification);
    std::string name = call->name.toString();
    if (call->distinct) {
      userError(errors::NOT_SUPPORTED, call->location, "DISTINCT in window function parameters not yet supported: {}",
          formatExpression(*call));
    }
    if (call->filter) {
      userError(errors::NOT_SUPPORTED, call->location, "FILTER is not yet supported for window functions");
    }
    // Nested window functions are not allowed; aggregates below were planned already.
    ExpressionContext argumentContext = context;
    argumentContext.aggregateError = "Cannot nest window functions inside window function '" + name + "'";
    ExpressionAnalyzer analyzer(context_, argumentContext);
    std::vector<RowExpressionPtr> arguments;
    std::vector<TypePtr> types;
    for (const auto& argument : call->arguments) {
      arguments.push_back(analyzer.analyze(argument));
      types.push_back(arguments.back()->type());
    }
    auto kind = context_.hasFunctionOfKind(name, FunctionKind::kWindow) ? FunctionKind::kWindow : FunctionKind::kAggregate;
    auto function = ExpressionAnalyzer::resolveFunction(context_.functions(), name, types, kind, call->location);
    for (size_t i = 0; i < arguments.size(); ++i) {
      arguments[i] = coerce(arguments[i], function->argumentTypes[i]);
    }
    std::vector<RowExpressionPtr> partition;
    for (const auto& expression : window->partitionBy) {
      partition.push_back(analyzer.analyze(expression));
    }
    std::vector<RowExpressionPtr> order;
    for (const auto& item : window->orderBy) {
      order.push_back(analyzer.analyze(item->sortKey));
    }
    WindowFrameSpec frame;
    std::vector<RowExpressionPtr> offsets;
    if (window->frame) {
      const auto& ast = *window->frame;
      frame.type = ast.type == sql::WindowFrame::Type::kRows    ? WindowFrameSpec::Type::kRows
          : ast.type == sql::WindowFrame::Type::kRange ? WindowFrameSpec::Type::kRange
                                                       : WindowFrameSpec::Type::kGroups;
      frame.startType = boundType(ast.start->type);
      frame.endType = ast.end ? boundType(ast.end->type) : WindowFrameSpec::BoundType::kCurrentRow;
      if (frame.startType == WindowFrameSpec::BoundType::kUnboundedFollowing) {
        userError(errors::INVALID_WINDOW_FRAME, ast.start->location, "Window frame start cannot be UNBOUNDED FOLLOWING");
      }
      if (frame.endType == WindowFrameSpec::BoundType::kUnboundedPreceding) {
        userError(errors::INVALID_WINDOW_FRAME, ast.end->location, "Window frame end cannot be UNBOUNDED PRECEDING");
      }
      if (ast.start->value) {
        offsets.push_back(analyzer.analyze(ast.start->value));
      }
      if (ast.end && ast.end->value) {
        offsets.push_back(analyzer.analyze(ast.end->value));
      }
    }
    std::vector<RowExpressionPtr> inputs = arguments;
    inputs.insert(inputs.end(), partition.begin(), partition.end());
    inputs.insert(inputs.end(), order.begin(), order.end());
    inputs.insert(inputs.end(), offsets.begin(), offsets.end());
    auto symbols = toSymbols(current, inputs, "expr");
    size_t next = arguments.size();
    std::vector<RowExpressionPtr> argumentSymbols(symbols.begin(), symbols.begin() + static_cast<ptrdiff_t>(next));
    std::vector<Symbol> partitionSymbols(symbols.begin() + static_cast<ptrdiff_t>(next),
        symbols.begin() + static_cast<ptrdiff_t>(next + partition.size()));
    next += partition.size();
    std::vector<SortKey> orderKeys;
    for (const auto& item : window->orderBy) {
      orderKeys.push_back({symbols[next++], !item->descending, item->nullOrdering == SortItem::NullOrdering::kFirst});
    }
    if (window->frame && window->frame->start->value) {
      frame.startValue = symbols[next++];
    }
    if (window->frame && window->frame->end && window->frame->end->value) {
      frame.endValue = symbols[next++];
    }
    auto output = context_.symbols().newSymbol(name, function->returnType);
    WindowNode::Function planned{output, function, argumentSymbols, frame,
        call->nullTreatment == FunctionCall::NullTreatment::kIgnore};
    auto sameKeys = [&](const Group& group) {
      if (group.partitionBy.size() != partitionSymbols.size() || group.orderBy.size() != orderKeys.size()) {
        return false;
      }
      for (size_t i = 0; i < partitionSymbols.size(); ++i) {
        if (!sameSymbol(group.partitionBy[i], partitionSymbols[i])) {
          return false;
        }
      }
      for (size_t i = 0; i < orderKeys.size(); ++i) {
        if (!sameSymbol(group.orderBy[i].symbol, orderKeys[i].symbol) ||
            group.orderBy[i].ascending != orderKeys[i].ascending || group.orderBy[i].nullsFirst != orderKeys[i].nullsFirst) {
          return false;
        }
      }
      return true;
    };
    auto it = std::find_if(groups.begin(), groups.end(), sameKeys);
    if (it == groups.end()) {
      groups.push_back({partitionSymbols, orderKeys, {}});
      it = groups.end() - 1;
    }
    it->functions.push_back(std::move(planned));
    substitutions.push_back({call, output});
  }
  for (auto& group : groups) {
    current = std::make_shared<WindowNode>(
        ids_.next(), current, std::move(group.partitionBy), std::move(group.orderBy), std::move(group.functions));
  }
}

} // namespace presto::sql
