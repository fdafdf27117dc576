#include "sql/analyzer/AggregateExtractor.h"

namespace presto::sql {

void forEachChild(const Expression& expression, const std::function<void(const ExpressionPtr&)>& visit) {
  auto visitAll = [&](const std::vector<ExpressionPtr>& children) {
    for (const auto& child : children) {
      visit(child);
    }
  };
  auto visitIf = [&](const ExpressionPtr& child) {
    if (child) {
      visit(child);
    }
  };
  switch (expression.kind()) {
    case NodeKind::kDereference: visit(expression.as<Dereference>().base); break;
    case NodeKind::kArithmeticBinary:
      visit(expression.as<ArithmeticBinary>().left);
      visit(expression.as<ArithmeticBinary>().right);
      break;
    case NodeKind::kArithmeticUnary: visit(expression.as<ArithmeticUnary>().value); break;
    case NodeKind::kComparison:
      visit(expression.as<Comparison>().left);
      visit(expression.as<Comparison>().right);
      break;
    case NodeKind::kLogicalBinary:
      visit(expression.as<LogicalBinary>().left);
      visit(expression.as<LogicalBinary>().right);
      break;
    case NodeKind::kNot: visit(expression.as<Not>().value); break;
    case NodeKind::kIsNull: visit(expression.as<IsNull>().value); break;
    case NodeKind::kBetween: {
      const auto& between = expression.as<Between>();
      visit(between.value);
      visit(between.min);
      visit(between.max);
      break;
    }
    case NodeKind::kLike: {
      const auto& like = expression.as<Like>();
      visit(like.value);
      visit(like.pattern);
      visitIf(like.escape);
      break;
    }
    case NodeKind::kIn: {
      const auto& in = expression.as<In>();
      visit(in.value);
      if (in.valueList->is<InList>()) {
        visitAll(in.valueList->as<InList>().values);
      }
      break;
    }
    case NodeKind::kQuantifiedComparison: visit(expression.as<QuantifiedComparison>().value); break;
    case NodeKind::kSimpleCase: {
      const auto& node = expression.as<SimpleCase>();
      visit(node.operand);
      for (const auto& when : node.whenClauses) {
        visit(when->operand);
        visit(when->result);
      }
      visitIf(node.defaultValue);
      break;
    }
    case NodeKind::kSearchedCase: {
      const auto& node = expression.as<SearchedCase>();
      for (const auto& when : node.whenClauses) {
        visit(when->operand);
        visit(when->result);
      }
      visitIf(node.defaultValue);
      break;
    }
    case NodeKind::kIf: {
      const auto& node = expression.as<If>();
      visit(node.condition);
      visit(node.trueValue);
      visitIf(node.falseValue);
      break;
    }
    case NodeKind::kCoalesce: visitAll(expression.as<Coalesce>().operands); break;
    case NodeKind::kNullIf:
      visit(expression.as<NullIf>().first);
      visit(expression.as<NullIf>().second);
      break;
    case NodeKind::kTry: visit(expression.as<Try>().value); break;
    case NodeKind::kCast: visit(expression.as<Cast>().value); break;
    case NodeKind::kExtract: visit(expression.as<Extract>().value); break;
    case NodeKind::kAtTimeZone:
      visit(expression.as<AtTimeZone>().value);
      visit(expression.as<AtTimeZone>().timeZone);
      break;
    case NodeKind::kArrayConstructor: visitAll(expression.as<ArrayConstructor>().values); break;
    case NodeKind::kRow: visitAll(expression.as<Row>().items); break;
    case NodeKind::kSubscript:
      visit(expression.as<Subscript>().base);
      visit(expression.as<Subscript>().index);
      break;
    case NodeKind::kLambda: visit(expression.as<Lambda>().body); break;
    case NodeKind::kFunctionCall: {
      const auto& call = expression.as<FunctionCall>();
      visitAll(call.arguments);
      for (const auto& item : call.orderBy) {
        visit(item->sortKey);
      }
      visitIf(call.filter);
      if (call.window) {
        visitAll(call.window->partitionBy);
        for (const auto& item : call.window->orderBy) {
          visit(item->sortKey);
        }
      }
      break;
    }
    default: break;
  }
}

bool isAggregateCall(const AnalyzerContext& context, const FunctionCall& call) {
  std::string name = call.name.toString();
  return name == "grouping" ||
      (context.hasFunctionOfKind(name, FunctionKind::kAggregate) && !context.hasFunctionOfKind(name, FunctionKind::kScalar));
}

namespace {

void addUnique(std::vector<std::shared_ptr<const FunctionCall>>& calls, const ExpressionPtr& expression) {
  for (const auto& existing : calls) {
    if (existing->equals(*expression)) {
      return;
    }
  }
  calls.push_back(std::static_pointer_cast<const FunctionCall>(expression));
}

void findAggregates(
    const AnalyzerContext& context, const ExpressionPtr& expression, std::vector<std::shared_ptr<const FunctionCall>>& found) {
  if (expression->is<FunctionCall>()) {
    const auto& call = expression->as<FunctionCall>();
    if (!call.window && isAggregateCall(context, call)) {
      addUnique(found, expression);
      return;
    }
  }
  forEachChild(*expression, [&](const ExpressionPtr& child) { findAggregates(context, child, found); });
}

void findWindows(const ExpressionPtr& expression, std::vector<std::shared_ptr<const FunctionCall>>& found) {
  if (expression->is<FunctionCall>() && expression->as<FunctionCall>().window) {
    addUnique(found, expression);
    return;
  }
  forEachChild(*expression, [&](const ExpressionPtr& child) { findWindows(child, found); });
}

} // namespace

std::vector<std::shared_ptr<const FunctionCall>> extractAggregates(
    const AnalyzerContext& context, const std::vector<ExpressionPtr>& expressions) {
  std::vector<std::shared_ptr<const FunctionCall>> found;
  for (const auto& expression : expressions) {
    if (expression) {
      findAggregates(context, expression, found);
    }
  }
  return found;
}

std::vector<std::shared_ptr<const FunctionCall>> extractWindowFunctions(const std::vector<ExpressionPtr>& expressions) {
  std::vector<std::shared_ptr<const FunctionCall>> found;
  for (const auto& expression : expressions) {
    if (expression) {
      findWindows(expression, found);
    }
  }
  return found;
}

} // namespace presto::sql
