#include "ExpressionTestBase.h"
#include "function/SimpleFunction.h"
#include "vector/ConstantVector.h"
#include "vector/DictionaryVector.h"
#include "vector/VectorValues.h"

namespace presto::test {
namespace {

class ExprEvaluationTest : public ExpressionTestBase {};

TEST_F(ExprEvaluationTest, andOrThreeValuedLogic) {
  auto types = std::vector<TypePtr>{BOOLEAN(), BOOLEAN()};
  auto rows = std::vector<std::vector<Value>>{{true, true}, {true, false}, {false, Value()}, {Value(), true},
      {Value(), false}, {Value(), Value()}};
  EXPECT_EQ(evalRows("and(c0, c1)", types, rows),
      (std::vector<Value>{true, false, false, Value(), false, Value()}));
  EXPECT_EQ(evalRows("or(c0, c1)", types, rows), (std::vector<Value>{true, true, Value(), true, Value(), Value()}));
}

TEST_F(ExprEvaluationTest, andOrForgiveErrorsDecidedByAnotherArgument) {
  auto types = std::vector<TypePtr>{BIGINT()};
  // error AND false is false; false AND error is false; error AND true fails.
  EXPECT_EQ(eval("and(eq(divide(10, c0), 1), false)", types, {int64_t{0}}), Value(false));
  EXPECT_EQ(eval("and(neq(c0, 0), gt(divide(10, c0), 1))", types, {int64_t{0}}), Value(false));
  EXPECT_EQ(eval("or(eq(divide(10, c0), 1), true)", types, {int64_t{0}}), Value(true));
  EXPECT_EQ(evalError("and(eq(divide(10, c0), 1), true)", types, {int64_t{0}}), "DIVISION_BY_ZERO");
}

TEST_F(ExprEvaluationTest, conditionalsNarrowTheRows) {
  auto types = std::vector<TypePtr>{BIGINT()};
  auto rows = std::vector<std::vector<Value>>{{int64_t{0}}, {int64_t{5}}, {Value()}, {int64_t{-2}}};
  EXPECT_EQ(evalRows("if(neq(c0, 0), divide(10, c0), -1)", types, rows),
      (std::vector<Value>{int64_t{-1}, int64_t{2}, int64_t{-1}, int64_t{-5}}));
  EXPECT_EQ(evalRows("case(gt(c0, 0), 'pos', lt(c0, 0), 'neg', 'zero or null')", types, rows),
      (std::vector<Value>{"zero or null", "pos", "zero or null", "neg"}));
  EXPECT_EQ(evalRows("case(gt(c0, 0), divide(100, c0))", types, rows),
      (std::vector<Value>{Value(), int64_t{20}, Value(), Value()}));
  EXPECT_EQ(evalRows("switch(c0, 0, 'zero', 5, 'five')", types, rows),
      (std::vector<Value>{"zero", "five", Value(), Value()}));
  EXPECT_EQ(evalRows("coalesce(c0, 42)", types, rows),
      (std::vector<Value>{int64_t{0}, int64_t{5}, int64_t{42}, int64_t{-2}}));
  EXPECT_EQ(evalRows("coalesce(null, c0, divide(1, 0))", types, {{int64_t{3}}}), (std::vector<Value>{int64_t{3}}));
}

TEST_F(ExprEvaluationTest, tryTurnsCatchableErrorsIntoNull) {
  auto types = std::vector<TypePtr>{BIGINT()};
  auto rows = std::vector<std::vector<Value>>{{int64_t{0}}, {int64_t{5}}, {Value()}};
  EXPECT_EQ(evalRows("try(divide(10, c0))", types, rows), (std::vector<Value>{Value(), int64_t{2}, Value()}));
  EXPECT_EQ(evalRows("coalesce(try(divide(10, c0)), -1)", types, rows),
      (std::vector<Value>{int64_t{-1}, int64_t{2}, int64_t{-1}}));
  EXPECT_EQ(eval("try(cast('abc' as bigint))"), Value());
  EXPECT_EQ(eval("try_cast(c0 as bigint)", {VARCHAR()}, {"abc"}), Value());
  EXPECT_EQ(eval("try_cast(c0 as bigint)", {VARCHAR()}, {"12"}), Value(int64_t{12}));
  EXPECT_EQ(evalError("divide(10, c0)", types, {int64_t{0}}), "DIVISION_BY_ZERO");
}

TEST_F(ExprEvaluationTest, inList) {
  auto types = std::vector<TypePtr>{BIGINT()};
  auto rows = std::vector<std::vector<Value>>{{int64_t{1}}, {int64_t{4}}, {Value()}};
  EXPECT_EQ(evalRows("in(c0, 1, 2, 3)", types, rows), (std::vector<Value>{true, false, Value()}));
  EXPECT_EQ(evalRows("in(c0, 1, null)", types, rows), (std::vector<Value>{true, Value(), Value()}));
  EXPECT_EQ(evalRows("in(c0, c0, 7)", types, rows), (std::vector<Value>{true, true, Value()}));
  EXPECT_EQ(eval("in(c0, 'a', 'bc')", {VARCHAR()}, {"bc"}), Value(true));
  EXPECT_EQ(eval("in(c0, 1.5, 2.25)", {DECIMAL(3, 2)}, {int64_t{150}}), Value(true));
}

TEST_F(ExprEvaluationTest, isNullAndNullIf) {
  EXPECT_EQ(eval("is_null(c0)", {BIGINT()}, {Value()}), Value(true));
  EXPECT_EQ(eval("is_null(c0)", {BIGINT()}, {int64_t{1}}), Value(false));
  EXPECT_EQ(eval("nullif(c0, 1)", {BIGINT()}, {int64_t{1}}), Value());
  EXPECT_EQ(eval("nullif(c0, 1)", {BIGINT()}, {int64_t{2}}), Value(int64_t{2}));
}

TEST_F(ExprEvaluationTest, rowsAndArrays) {
  EXPECT_EQ(eval("dereference(row(c0, 'x'), 1)", {BIGINT()}, {int64_t{1}}), Value("x"));
  EXPECT_EQ(eval("row(c0, 'x')", {BIGINT()}, {int64_t{1}}), Value::row({int64_t{1}, "x"}));
  EXPECT_EQ(eval("array(c0, 2, null)", {BIGINT()}, {int64_t{1}}), Value::array({int64_t{1}, int64_t{2}, Value()}));
  auto rowType = ROW({"a", "b"}, {BIGINT(), VARCHAR()});
  EXPECT_EQ(eval("dereference(c0, 0)", {rowType}, {Value::row({int64_t{7}, "s"})}), Value(int64_t{7}));
  EXPECT_EQ(eval("dereference(c0, 0)", {rowType}, {Value()}), Value());
}

/// Counts its calls, to observe common subexpressions and dictionary peeling.
struct CountingFunction {
  static inline int64_t calls = 0;
  void call(int64_t& out, int64_t value) {
    ++calls;
    out = value * 10;
  }
};

class EvaluationStrategyTest : public ExpressionTestBase {
 protected:
  EvaluationStrategyTest() {
    registerBuiltinFunctions(registry_);
    registerSimple<CountingFunction, int64_t, int64_t>(registry_, "counting", {"bigint"}, "bigint");
    CountingFunction::calls = 0;
  }

  RowExpressionPtr parseLocal(const std::string& text, const std::vector<TypePtr>& types) {
    ExpressionParser parser(registry_, types);
    return parser.parse(text);
  }

  FunctionRegistry registry_;
};

TEST_F(EvaluationStrategyTest, commonSubexpressionsRunOncePerBatch) {
  ExprSet exprSet({parseLocal("plus(counting(c0), counting(c0))", {BIGINT()}), parseLocal("counting(c0)", {BIGINT()})},
      registry_, 1);
  auto input = vectorFromValues(BIGINT(), {int64_t{1}, int64_t{2}, int64_t{3}});
  auto results = exprSet.eval(Page({input}));
  EXPECT_EQ(CountingFunction::calls, 3);
  EXPECT_EQ(valueAt(*results[0], 2), Value(int64_t{60}));
  EXPECT_EQ(valueAt(*results[1], 1), Value(int64_t{20}));
}

TEST_F(EvaluationStrategyTest, dictionaryInputIsEvaluatedOnBaseRowsAndReused) {
  ExprSet exprSet({parseLocal("counting(c0)", {BIGINT()})}, registry_, 1);
  auto base = vectorFromValues(BIGINT(), {int64_t{1}, int64_t{2}, int64_t{3}});
  auto indices = allocateIndices(1000);
  for (int i = 0; i < 1000; ++i) indices->asMutable<vector_size_t>()[i] = i % 2;
  auto dictionary = wrapInDictionary(nullptr, indices, 1000, base);
  auto results = exprSet.eval(Page({dictionary}));
  EXPECT_EQ(CountingFunction::calls, 2);  // base rows 0 and 1 only
  EXPECT_EQ(valueAt(*results[0], 999), Value(int64_t{20}));
  // The next page repeats the dictionary: nothing is recomputed.
  auto again = wrapInDictionary(nullptr, indices, 500, base);
  results = exprSet.eval(Page({again}));
  EXPECT_EQ(CountingFunction::calls, 2);
  EXPECT_EQ(valueAt(*results[0], 0), Value(int64_t{10}));
}

TEST_F(EvaluationStrategyTest, dictionaryOverAMuchLargerBaseIsEvaluatedOnItsOwnRows) {
  // A join's output: a few rows picked from a large build side.
  ExprSet exprSet({parseLocal("counting(c0)", {BIGINT()})}, registry_, 1);
  std::vector<Value> values;
  for (int64_t i = 0; i < 10000; ++i) values.emplace_back(i);
  auto base = vectorFromValues(BIGINT(), values);
  auto indices = allocateIndices(10);
  for (int i = 0; i < 10; ++i) indices->asMutable<vector_size_t>()[i] = 9000 + i;
  auto results = exprSet.eval(Page({wrapInDictionary(nullptr, indices, 10, base)}));
  EXPECT_EQ(CountingFunction::calls, 10);
  EXPECT_EQ(results[0]->encoding(), VectorEncoding::kFlat);
  EXPECT_EQ(results[0]->size(), 10);
  EXPECT_EQ(valueAt(*results[0], 3), Value(int64_t{90030}));
}

TEST_F(EvaluationStrategyTest, conjunctionsDecideRowsAWordAtATime) {
  // 200 rows (several 64-row words, the last one partial) with every third row not selected.
  std::vector<Value> first;
  std::vector<Value> second;
  for (int64_t i = 0; i < 200; ++i) {
    first.emplace_back(i % 37);
    second.emplace_back(i % 7);
  }
  auto a = vectorFromValues(BIGINT(), first);
  auto b = vectorFromValues(BIGINT(), second);
  SelectivityVector rows(200);
  for (vector_size_t i = 0; i < 200; i += 3) {
    rows.setValid(i, false);
  }
  rows.updateBounds();
  ExprSet exprSet({parseLocal("and(gt(c0, 10), lt(c1, 5))", {BIGINT(), BIGINT()}),
                      parseLocal("or(gt(c0, 30), eq(c1, 0))", {BIGINT(), BIGINT()})},
      registry_, 2);
  std::vector<VectorPtr> results;
  exprSet.eval(rows, {a, b}, results);
  rows.applyToSelected([&](vector_size_t i) {
    EXPECT_EQ(valueAt(*results[0], i), Value(i % 37 > 10 && i % 7 < 5)) << i;
    EXPECT_EQ(valueAt(*results[1], i), Value(i % 37 > 30 || i % 7 == 0)) << i;
  });
}

TEST_F(EvaluationStrategyTest, constantInputIsEvaluatedOnce) {
  ExprSet exprSet({parseLocal("counting(c0)", {BIGINT()})}, registry_, 1);
  auto results = exprSet.eval(Page({makeConstant(BIGINT(), int64_t{4}, 1000)}));
  EXPECT_EQ(CountingFunction::calls, 1);
  EXPECT_EQ(results[0]->encoding(), VectorEncoding::kConstant);
  EXPECT_EQ(valueAt(*results[0], 500), Value(int64_t{40}));
}

TEST_F(EvaluationStrategyTest, errorsOnlyForSelectedRows) {
  ExprSet exprSet({parseLocal("divide(100, c0)", {BIGINT()})}, registry_, 1);
  auto input = vectorFromValues(BIGINT(), {int64_t{0}, int64_t{5}});
  SelectivityVector rows(2);
  rows.setValid(0, false);
  rows.updateBounds();
  std::vector<VectorPtr> results;
  exprSet.eval(rows, {input}, results);
  EXPECT_EQ(valueAt(*results[0], 1), Value(int64_t{20}));
  EXPECT_THROW(exprSet.eval(Page({input})), PrestoException);
}

} // namespace
} // namespace presto::test
