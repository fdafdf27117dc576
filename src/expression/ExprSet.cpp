#include "expression/ExprSet.h"

#include "expression/ExprCompiler.h"

namespace presto {

ExprSet::ExprSet(const std::vector<RowExpressionPtr>& expressions, const FunctionRegistry& registry, int32_t numInputChannels) {
  ExprCompiler compiler(registry, numInputChannels);
  for (const auto& expression : expressions) {
    exprs_.push_back(compiler.compile(expression));
  }
}

void ExprSet::eval(const SelectivityVector& rows, const std::vector<VectorPtr>& inputs, std::vector<VectorPtr>& results) {
  EvalContext context(&inputs, rows.size());
  results.resize(exprs_.size());
  for (size_t i = 0; i < exprs_.size(); ++i) {
    exprs_[i]->eval(rows, context, results[i]);
  }
  context.throwFirstError(rows);
}

std::vector<VectorPtr> ExprSet::eval(const Page& page) {
  std::vector<VectorPtr> results;
  eval(SelectivityVector(page.numRows()), page.columns(), results);
  return results;
}

std::string ExprSet::toString() const {
  std::string text;
  for (size_t i = 0; i < exprs_.size(); ++i) {
    text += (i > 0 ? "\n" : "") + exprs_[i]->toString();
  }
  return text;
}

} // namespace presto
