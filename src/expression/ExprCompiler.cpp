#include "expression/ExprCompiler.h"

#include "common/Check.h"
#include "expression/CallExpr.h"
#include "expression/ConjunctExpr.h"
#include "expression/InExpr.h"
#include "expression/LambdaExpr.h"
#include "expression/LeafExpr.h"
#include "expression/NullHandlingExpr.h"
#include "expression/StructureExpr.h"
#include "expression/SwitchExpr.h"
#include "function/scalar/CastFunctions.h"
#include "type/TypeCoercion.h"
#include "vector/VectorValues.h"

namespace presto {
namespace {

bool isConstant(const ExprPtr& expr) {
  return dynamic_cast<const ConstantExpr*>(expr.get()) != nullptr;
}

RowExpressionPtr castTo(const RowExpressionPtr& expression, const TypePtr& type) {
  if (sameType(expression->type(), type)) {
    return expression;
  }
  return std::make_shared<SpecialFormExpression>(SpecialForm::kCast, type, std::vector<RowExpressionPtr>{expression});
}

bool allDeterministic(const std::vector<ExprPtr>& inputs) {
  for (const auto& input : inputs) {
    if (!input->isDeterministic()) {
      return false;
    }
  }
  return true;
}

} // namespace

ExprCompiler::ExprCompiler(const FunctionRegistry& registry, int32_t numInputChannels)
    : registry_(registry), nextChannel_(numInputChannels) {}

ExprPtr ExprCompiler::compile(const RowExpressionPtr& expression) {
  // Inside lambdas the same variable name may mean different channels: no sharing there.
  if (!scopes_.empty()) {
    return compileNode(expression);
  }
  auto it = compiled_.find(expression);
  if (it != compiled_.end()) {
    return it->second;
  }
  auto expr = compileNode(expression);
  compiled_.emplace(expression, expr);
  return expr;
}

std::vector<ExprPtr> ExprCompiler::compileAll(const std::vector<RowExpressionPtr>& expressions) {
  std::vector<ExprPtr> compiled;
  for (const auto& expression : expressions) {
    compiled.push_back(compile(expression));
  }
  return compiled;
}

ExprPtr ExprCompiler::finish(ExprPtr node) {
  for (const auto& input : node->inputs()) {
    input->addParent();
  }
  node->finishCompilation();
  bool foldable = node->isDeterministic() && !node->inputs().empty() && node->distinctFields().empty() &&
      dynamic_cast<LambdaExpr*>(node.get()) == nullptr;
  for (const auto& input : node->inputs()) {
    foldable = foldable && isConstant(input);
  }
  if (!foldable) {
    return node;
  }
  try {
    std::vector<VectorPtr> noInputs;
    EvalContext context(&noInputs, 1);
    SelectivityVector one(1);
    VectorPtr result;
    node->eval(one, context, result);
    if (context.hasErrors()) {
      return node;
    }
    auto constant = std::make_shared<ConstantExpr>(valueAt(*result, 0), node->type());
    constant->finishCompilation();
    return constant;
  } catch (const PrestoException&) {
    return node;
  }
}

ExprPtr ExprCompiler::compileNode(const RowExpressionPtr& expression) {
  switch (expression->kind()) {
    case RowExpressionKind::kConstant: {
      const auto* constant = expression->as<ConstantExpression>();
      return finish(std::make_shared<ConstantExpr>(constant->value(), constant->type()));
    }
    case RowExpressionKind::kInputReference:
      return finish(std::make_shared<InputExpr>(expression->as<InputReferenceExpression>()->channel(), expression->type()));
    case RowExpressionKind::kVariableReference: {
      const auto& name = expression->as<VariableReferenceExpression>()->name();
      for (auto scope = scopes_.rbegin(); scope != scopes_.rend(); ++scope) {
        auto it = scope->find(name);
        if (it != scope->end()) {
          return finish(std::make_shared<InputExpr>(it->second, expression->type()));
        }
      }
      PRESTO_FAIL("unbound lambda variable {}", name);
    }
    case RowExpressionKind::kLambda:
      return compileLambda(*expression->as<LambdaDefinitionExpression>(), {});
    case RowExpressionKind::kCall: {
      const auto* call = expression->as<CallExpression>();
      auto inputs = compileAll(call->arguments());
      std::vector<std::optional<Value>> constants;
      for (const auto& input : inputs) {
        const auto* constant = dynamic_cast<const ConstantExpr*>(input.get());
        constants.push_back(constant ? std::optional<Value>(constant->value()) : std::nullopt);
      }
      auto function = call->function()->makeScalar(std::move(constants));
      bool deterministic = call->function()->isDeterministic() && allDeterministic(inputs);
      return finish(std::make_shared<CallExpr>(
          call->function()->name(), std::move(function), call->type(), std::move(inputs), deterministic));
    }
    case RowExpressionKind::kSpecialForm:
      return compileSpecialForm(*expression->as<SpecialFormExpression>());
  }
  PRESTO_FAIL("unknown expression kind");
}

ExprPtr ExprCompiler::compileLambda(const LambdaDefinitionExpression& lambda, std::vector<ExprPtr> bound) {
  std::map<std::string, int32_t> scope;
  std::vector<int32_t> channels;
  for (const auto& name : lambda.parameterNames()) {
    scope[name] = nextChannel_;
    channels.push_back(nextChannel_++);
  }
  scopes_.push_back(std::move(scope));
  auto body = compile(lambda.body());
  scopes_.pop_back();
  body->addParent();
  auto expr = std::make_shared<LambdaExpr>(lambda.type(), std::move(channels), std::move(body), std::move(bound), nextChannel_);
  for (const auto& input : expr->inputs()) {
    input->addParent();
  }
  expr->finishCompilation();
  return expr;
}

RowExpressionPtr ExprCompiler::equality(const RowExpressionPtr& left, const RowExpressionPtr& right) const {
  auto common = TypeCoercion::commonSuperType(left->type(), right->type());
  PRESTO_USER_CHECK(common.has_value(), errors::OPERATOR_NOT_FOUND, "Cannot compare {} with {}",
      left->type()->toString(), right->type()->toString());
  auto function = registry_.resolve(operators::kEqual, {*common, *common});
  return std::make_shared<CallExpression>(function, std::vector<RowExpressionPtr>{castTo(left, *common), castTo(right, *common)});
}

ExprPtr ExprCompiler::compileSwitch(const SpecialFormExpression& expression) {
  const auto& arguments = expression.arguments();
  const auto& operand = arguments[0];
  bool searched = operand->kind() == RowExpressionKind::kConstant &&
      operand->type()->kind() == TypeKind::kBoolean && !operand->as<ConstantExpression>()->value().isNull() &&
      operand->as<ConstantExpression>()->value().as<bool>();
  std::vector<ExprPtr> inputs;
  for (size_t i = 1; i < arguments.size(); ++i) {
    const auto& argument = arguments[i];
    bool isWhen = argument->kind() == RowExpressionKind::kSpecialForm &&
        argument->as<SpecialFormExpression>()->form() == SpecialForm::kWhen;
    if (!isWhen) {
      inputs.push_back(compile(castTo(argument, expression.type())));
      continue;
    }
    const auto& match = argument->arguments()[0];
    inputs.push_back(compile(searched ? match : equality(operand, match)));
    inputs.push_back(compile(castTo(argument->arguments()[1], expression.type())));
  }
  bool deterministic = allDeterministic(inputs);
  return finish(std::make_shared<SwitchExpr>(expression.type(), std::move(inputs), deterministic));
}

ExprPtr ExprCompiler::compileIn(const SpecialFormExpression& expression) {
  const auto& arguments = expression.arguments();
  const auto& value = arguments[0];
  bool allConstant = value->type()->isPrimitive();
  std::vector<Value> candidates;
  for (size_t i = 1; i < arguments.size() && allConstant; ++i) {
    auto candidate = compile(castTo(arguments[i], value->type()));
    const auto* constant = dynamic_cast<const ConstantExpr*>(candidate.get());
    allConstant = constant != nullptr;
    if (constant) {
      candidates.push_back(constant->value());
    }
  }
  if (allConstant) {
    return finish(std::make_shared<InExpr>(compile(value), value->type(), candidates));
  }
  std::vector<RowExpressionPtr> disjuncts;
  for (size_t i = 1; i < arguments.size(); ++i) {
    disjuncts.push_back(equality(value, arguments[i]));
  }
  if (disjuncts.size() == 1) {
    return compile(disjuncts[0]);
  }
  return compile(std::make_shared<SpecialFormExpression>(SpecialForm::kOr, BOOLEAN(), std::move(disjuncts)));
}

ExprPtr ExprCompiler::compileSpecialForm(const SpecialFormExpression& expression) {
  const auto& arguments = expression.arguments();
  switch (expression.form()) {
    case SpecialForm::kAnd:
    case SpecialForm::kOr: {
      auto inputs = compileAll(arguments);
      bool deterministic = allDeterministic(inputs);
      return finish(std::make_shared<ConjunctExpr>(expression.form() == SpecialForm::kAnd, std::move(inputs), deterministic));
    }
    case SpecialForm::kIf: {
      std::vector<ExprPtr> inputs{compile(arguments[0]), compile(castTo(arguments[1], expression.type()))};
      if (arguments.size() > 2) {
        inputs.push_back(compile(castTo(arguments[2], expression.type())));
      }
      bool deterministic = allDeterministic(inputs);
      return finish(std::make_shared<SwitchExpr>(expression.type(), std::move(inputs), deterministic));
    }
    case SpecialForm::kSwitch:
      return compileSwitch(expression);
    case SpecialForm::kWhen:
      PRESTO_FAIL("WHEN outside of SWITCH");
    case SpecialForm::kCoalesce: {
      std::vector<ExprPtr> inputs;
      for (const auto& argument : arguments) {
        inputs.push_back(compile(castTo(argument, expression.type())));
      }
      bool deterministic = allDeterministic(inputs);
      return finish(std::make_shared<CoalesceExpr>(expression.type(), std::move(inputs), deterministic));
    }
    case SpecialForm::kIn:
      return compileIn(expression);
    case SpecialForm::kIsNull:
      return finish(std::make_shared<IsNullExpr>(compile(arguments[0])));
    case SpecialForm::kCast:
    case SpecialForm::kTryCast: {
      auto input = compile(arguments[0]);
      if (sameType(arguments[0]->type(), expression.type())) {
        return input;
      }
      auto function = makeCastFunction(arguments[0]->type(), expression.type());
      bool deterministic = input->isDeterministic();
      return finish(std::make_shared<CallExpr>(expression.form() == SpecialForm::kCast ? "CAST" : "TRY_CAST",
          std::move(function), expression.type(), std::vector<ExprPtr>{input}, deterministic,
          expression.form() == SpecialForm::kTryCast));
    }
    case SpecialForm::kTry:
      return finish(std::make_shared<TryExpr>(compile(arguments[0])));
    case SpecialForm::kDereference: {
      const auto& index = arguments[1];
      PRESTO_CHECK(index->kind() == RowExpressionKind::kConstant, "DEREFERENCE needs a constant field index");
      return finish(std::make_shared<DereferenceExpr>(expression.type(), compile(arguments[0]),
          static_cast<int32_t>(index->as<ConstantExpression>()->value().as<int64_t>())));
    }
    case SpecialForm::kRowConstructor: {
      auto inputs = compileAll(arguments);
      bool deterministic = allDeterministic(inputs);
      return finish(std::make_shared<RowConstructorExpr>(expression.type(), std::move(inputs), deterministic));
    }
    case SpecialForm::kArrayConstructor: {
      std::vector<ExprPtr> inputs;
      for (const auto& argument : arguments) {
        inputs.push_back(compile(castTo(argument, expression.type()->childAt(0))));
      }
      bool deterministic = allDeterministic(inputs);
      return finish(std::make_shared<ArrayConstructorExpr>(expression.type(), std::move(inputs), deterministic));
    }
    case SpecialForm::kBind: {
      std::vector<RowExpressionPtr> captured(arguments.begin(), arguments.end() - 1);
      const auto& lambda = arguments.back();
      PRESTO_CHECK(lambda->kind() == RowExpressionKind::kLambda, "BIND needs a lambda as last argument");
      return compileLambda(*lambda->as<LambdaDefinitionExpression>(), compileAll(captured));
    }
    case SpecialForm::kNullIf: {
      auto condition = equality(arguments[0], arguments[1]);
      auto rewritten = std::make_shared<SpecialFormExpression>(SpecialForm::kIf, expression.type(),
          std::vector<RowExpressionPtr>{condition, std::make_shared<ConstantExpression>(Value(), expression.type()),
              castTo(arguments[0], expression.type())});
      return compile(rewritten);
    }
  }
  PRESTO_FAIL("unknown special form");
}

} // namespace presto
