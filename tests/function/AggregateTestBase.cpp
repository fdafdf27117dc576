#include "AggregateTestBase.h"

#include <cmath>

#include "vector/DictionaryVector.h"
#include "vector/VectorValues.h"

namespace presto::test {
namespace {

/// Column `column` of `rows`, wrapped in a dictionary over a reversed base when asked.
VectorPtr makeColumn(const TypePtr& type, const std::vector<std::vector<Value>>& rows, size_t column, bool dictionary) {
  std::vector<Value> values;
  for (const auto& row : rows) values.push_back(row[column]);
  if (!dictionary || values.empty()) {
    return vectorFromValues(type, values);
  }
  std::vector<Value> reversed(values.rbegin(), values.rend());
  auto size = static_cast<vector_size_t>(values.size());
  auto indices = allocateIndices(size);
  for (vector_size_t i = 0; i < size; ++i) indices->asMutable<vector_size_t>()[i] = size - 1 - i;
  return wrapInDictionary(nullptr, indices, size, vectorFromValues(type, reversed));
}

} // namespace

const FunctionRegistry& AggregateTestBase::registry() {
  static auto registry = makeBuiltinRegistry();
  return *registry;
}

TypePtr AggregateTestBase::resultType(const std::string& name, const std::vector<TypePtr>& types) {
  return registry().resolve(name, types, FunctionKind::kAggregate)->returnType;
}

Value AggregateTestBase::aggregate(const std::string& name, const TypePtr& type, const std::vector<Value>& values) {
  std::vector<std::vector<Value>> rows;
  for (const auto& value : values) rows.push_back(type ? std::vector<Value>{value} : std::vector<Value>{});
  return aggregateRows(name, type ? std::vector<TypePtr>{type} : std::vector<TypePtr>{}, rows);
}

std::vector<char> AggregateTestBase::accumulate(const AggregateFunction& function, const std::vector<TypePtr>& types,
    const std::vector<std::vector<Value>>& rows, bool dictionaryEncoded, size_t numRows) {
  std::vector<char> state(function.accumulatorSize() + 16);
  char* group = state.data();
  function.initialize(&group, 1);
  std::vector<char*> groups(numRows + 1, group);
  std::vector<VectorPtr> args;
  for (size_t column = 0; column < types.size(); ++column) {
    inputs_.push_back(makeColumn(types[column], rows, column, dictionaryEncoded));
    args.push_back(inputs_.back());
  }
  try {
    function.addInput(groups.data(), SelectivityVector(static_cast<vector_size_t>(numRows)), args);
  } catch (...) {
    // As an operator does when a query fails: the group's state is freed.
    function.destroy(&group, 1);
    throw;
  }
  return state;
}

Value AggregateTestBase::aggregateRows(
    const std::string& name, const std::vector<TypePtr>& types, const std::vector<std::vector<Value>>& rows) {
  auto resolved = registry().resolve(name, types, FunctionKind::kAggregate);
  auto function = resolved->entry->aggregateFactory(FunctionBinding{resolved->argumentTypes, resolved->returnType, {}});
  EXPECT_TRUE(sameType(function->resultType(), resolved->returnType));
  // Arguments are coerced to the resolved types, as the planner does before aggregating.
  const auto& argumentTypes = resolved->argumentTypes;

  auto singleState = accumulate(*function, argumentTypes, rows, false, rows.size());
  char* single = singleState.data();
  auto result = valueAt(*function->extractFinal(&single, 1), 0);
  function->destroy(&single, 1);

  size_t half = rows.size() / 2;
  std::vector<std::vector<Value>> first(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(half));
  std::vector<std::vector<Value>> second(rows.begin() + static_cast<std::ptrdiff_t>(half), rows.end());
  auto firstState = accumulate(*function, argumentTypes, first, false, first.size());
  auto secondState = accumulate(*function, argumentTypes, second, true, second.size());
  char* partials[2] = {firstState.data(), secondState.data()};
  VectorPtr intermediates[2];
  for (int i = 0; i < 2; ++i) {
    intermediates[i] = function->extractIntermediate(&partials[i], 1);
    EXPECT_TRUE(sameType(intermediates[i]->type(), function->intermediateType())) << name;
    function->destroy(&partials[i], 1);
  }
  std::vector<char> finalState(function->accumulatorSize() + 16);
  char* group = finalState.data();
  function->initialize(&group, 1);
  for (const auto& intermediate : intermediates) {
    function->addIntermediate(&group, SelectivityVector(1), intermediate);
  }
  auto merged = valueAt(*function->extractFinal(&group, 1), 0);
  function->destroy(&group, 1);
  if (result.holds<double>() && merged.holds<double>()) {
    // Merging partial statistics reorders floating point operations.
    double single = result.as<double>();
    if (std::isnan(single) && std::isnan(merged.as<double>())) return result;
    EXPECT_NEAR(single, merged.as<double>(), 1e-12 * std::max(1.0, std::abs(single))) << name << " single vs partial/final";
  } else {
    EXPECT_EQ(result, merged) << name << " single vs partial/final";
  }
  return result;
}

} // namespace presto::test
