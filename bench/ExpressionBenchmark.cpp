// Micro-benchmarks of vectorized expression evaluation: rows per second on one core for
// representative expressions. Run: build/.../bin/expression_benchmark

#include <benchmark/benchmark.h>

#include <random>

#include "expression/ExprSet.h"
#include "function/BuiltinFunctions.h"
#include "vector/DictionaryVector.h"
#include "vector/FlatVector.h"

namespace presto {
namespace {

constexpr vector_size_t kRows = 4096;

const FunctionRegistry& registry() {
  static auto registry = makeBuiltinRegistry();
  return *registry;
}

RowExpressionPtr column(int32_t channel, TypePtr type) {
  return std::make_shared<InputReferenceExpression>(channel, std::move(type));
}

RowExpressionPtr call(const std::string& name, std::vector<RowExpressionPtr> arguments) {
  std::vector<TypePtr> types;
  for (const auto& argument : arguments) types.push_back(argument->type());
  return std::make_shared<CallExpression>(registry().resolve(name, types), std::move(arguments));
}

template <typename T>
VectorPtr makeFlat(const TypePtr& type, vector_size_t size, std::function<T(vector_size_t)> generator) {
  auto vector = FlatVector<T>::create(type, size);
  for (vector_size_t row = 0; row < size; ++row) {
    if constexpr (std::is_same_v<T, StringView>) {
      vector->setString(row, generator(row).view());
    } else {
      vector->set(row, generator(row));
    }
  }
  return vector;
}

void runExpression(benchmark::State& state, const RowExpressionPtr& expression, const std::vector<std::vector<VectorPtr>>& pages) {
  ExprSet exprSet({expression}, registry(), static_cast<int32_t>(pages[0].size()));
  SelectivityVector rows(kRows);
  std::vector<VectorPtr> results;
  size_t page = 0;
  for (auto _ : state) {
    exprSet.eval(rows, pages[page], results);
    benchmark::DoNotOptimize(results[0]);
    page = (page + 1) % pages.size();
  }
  state.SetItemsProcessed(state.iterations() * kRows);
}

std::vector<VectorPtr> bigintColumns() {
  std::mt19937_64 random(42);
  auto left = makeFlat<int64_t>(BIGINT(), kRows, [&](vector_size_t) { return static_cast<int64_t>(random() % 1'000'000); });
  auto right = makeFlat<int64_t>(BIGINT(), kRows, [&](vector_size_t) { return static_cast<int64_t>(random() % 1'000'000); });
  return {left, right};
}

void arithmeticFlat(benchmark::State& state) {
  auto expression = call(operators::kAdd, {call(operators::kMultiply, {column(0, BIGINT()), column(1, BIGINT())}), column(0, BIGINT())});
  runExpression(state, expression, {bigintColumns()});
}

// Dictionaries over 1024 distinct values; `reuse` keeps the same dictionary across pages (the
// result on the base is reused), otherwise two dictionaries alternate so every page recomputes.
void arithmeticDictionary(benchmark::State& state, bool reuse) {
  auto expression = call(operators::kAdd, {call(operators::kMultiply, {column(0, BIGINT()), column(1, BIGINT())}), column(0, BIGINT())});
  std::vector<std::vector<VectorPtr>> pages;
  std::mt19937 random(7);
  for (int page = 0; page < (reuse ? 1 : 2); ++page) {
    auto indices = allocateIndices(kRows);
    for (vector_size_t row = 0; row < kRows; ++row) indices->asMutable<vector_size_t>()[row] = static_cast<vector_size_t>(random() % 1024);
    auto base = bigintColumns();
    pages.push_back({wrapInDictionary(nullptr, indices, kRows, base[0]), wrapInDictionary(nullptr, indices, kRows, base[1])});
  }
  runExpression(state, expression, pages);
}

void arithmeticDictionaryReused(benchmark::State& state) {
  arithmeticDictionary(state, true);
}

void arithmeticDictionaryFresh(benchmark::State& state) {
  arithmeticDictionary(state, false);
}

void likeContains(benchmark::State& state) {
  static const char* kWords[] = {"furiously", "special", "requests", "carefully", "final", "deposits", "ironic", "packages"};
  std::mt19937 random(3);
  auto comments = makeFlat<StringView>(VARCHAR(), kRows, [&](vector_size_t) {
    static thread_local std::string text;
    text.clear();
    for (int i = 0; i < 5; ++i) text += std::string(kWords[random() % 8]) + " ";
    return StringView(text);
  });
  auto pattern = std::make_shared<ConstantExpression>(Value("%special%"), VARCHAR());
  runExpression(state, call("like", {column(0, VARCHAR()), pattern}), {{comments}});
}

void castVarcharToBigint(benchmark::State& state) {
  std::mt19937_64 random(5);
  auto numbers = makeFlat<StringView>(VARCHAR(), kRows, [&](vector_size_t) {
    static thread_local std::string text;
    text = std::to_string(static_cast<int64_t>(random() % 10'000'000'000ULL));
    return StringView(text);
  });
  auto cast = std::make_shared<SpecialFormExpression>(SpecialForm::kCast, BIGINT(), std::vector<RowExpressionPtr>{column(0, VARCHAR())});
  runExpression(state, cast, {{numbers}});
}

void decimalMultiply(benchmark::State& state) {
  std::mt19937_64 random(11);
  auto type = DECIMAL(12, 2);
  auto price = makeFlat<int64_t>(type, kRows, [&](vector_size_t) { return static_cast<int64_t>(random() % 10'000'000); });
  auto discount = makeFlat<int64_t>(type, kRows, [&](vector_size_t) { return static_cast<int64_t>(random() % 11); });
  auto one = std::make_shared<SpecialFormExpression>(SpecialForm::kCast, type,
      std::vector<RowExpressionPtr>{std::make_shared<ConstantExpression>(Value(int64_t{1}), BIGINT())});
  // l_extendedprice * (1 - l_discount)
  auto expression = call(operators::kMultiply, {column(0, type), call(operators::kSubtract, {one, column(1, type)})});
  runExpression(state, expression, {{price, discount}});
}

BENCHMARK(arithmeticFlat);
BENCHMARK(arithmeticDictionaryReused);
BENCHMARK(arithmeticDictionaryFresh);
BENCHMARK(likeContains);
BENCHMARK(castVarcharToBigint);
BENCHMARK(decimalMultiply);

} // namespace
} // namespace presto

BENCHMARK_MAIN();
