#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../expression/ExpressionTestBase.h"
#include "function/aggregate/AggregateFunction.h"

namespace presto::test {

/// Runs registry aggregates over hand-written rows into one group, in a single step and again as
/// two partial aggregations (each half of the rows, inputs flat in one and dictionary-encoded in
/// the other) whose intermediate vectors feed a final step. Both results must agree.
class AggregateTestBase : public ::testing::Test {
 protected:
  static const FunctionRegistry& registry();

  /// `name(x)` over the values of one column of `type` (nullptr type: `name()` over that many rows).
  Value aggregate(const std::string& name, const TypePtr& type, const std::vector<Value>& values);
  /// `name(c0, c1, ...)` over rows of several columns; `rows[i][j]` is column j of row i.
  Value aggregateRows(const std::string& name, const std::vector<TypePtr>& types, const std::vector<std::vector<Value>>& rows);

  /// Type of the result of `name(types...)`.
  TypePtr resultType(const std::string& name, const std::vector<TypePtr>& types);

 private:
  /// Adds `rows` to one accumulator; returns the accumulator's memory.
  std::vector<char> accumulate(const AggregateFunction& function, const std::vector<TypePtr>& types,
      const std::vector<std::vector<Value>>& rows, bool dictionaryEncoded, size_t numRows);

  std::vector<VectorPtr> inputs_;  // kept alive: min/max of strings reference input bytes
};

} // namespace presto::test
