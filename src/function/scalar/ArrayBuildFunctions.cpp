#include <algorithm>
#include <random>

#include "common/Check.h"
#include "function/BuiltinFunctions.h"
#include "function/scalar/ValueFunction.h"
#include "type/DateTime.h"

namespace presto {
namespace {

constexpr int64_t kMaxEntries = 10'000;

FunctionMetadata describe(std::string description, bool deterministic = true) {
  return {FunctionKind::kScalar, deterministic, std::move(description), false};
}

const std::vector<Value>& elementsOf(const Value& array) {
  return array.as<ArrayValue>().elements;
}

/// start, start + step, ... up to stop inclusive (values in the unit of the type: numbers, days,
/// milliseconds).
Value sequence(int64_t start, int64_t stop, int64_t step) {
  PRESTO_USER_CHECK(step != 0, errors::INVALID_FUNCTION_ARGUMENT, "step must not be zero");
  PRESTO_USER_CHECK(step > 0 ? stop >= start : stop <= start, errors::INVALID_FUNCTION_ARGUMENT,
      "sequence stop value should be greater than or equal to start value if step is greater than zero otherwise stop "
      "should be less than or equal to start");
  auto count = static_cast<int64_t>((static_cast<__int128>(stop) - start) / step + 1);
  PRESTO_USER_CHECK(count <= kMaxEntries, errors::INVALID_FUNCTION_ARGUMENT,
      "result of sequence function must not have more than 10000 entries");
  std::vector<Value> elements;
  elements.reserve(static_cast<size_t>(count));
  for (int64_t i = 0; i < count; ++i) elements.emplace_back(start + i * step);
  return Value::array(std::move(elements));
}

int64_t integerAt(const std::vector<Value>& arguments, size_t index) {
  return arguments[index].as<int64_t>();
}

/// sequence over numbers or timestamps: the step defaults to 1 (or -1 when counting down).
VectorFunctionPtr makeSequence() {
  return std::make_shared<ValueFunction>([](const std::vector<Value>& arguments) {
    int64_t start = integerAt(arguments, 0);
    int64_t stop = integerAt(arguments, 1);
    int64_t step = arguments.size() > 2 ? integerAt(arguments, 2) : (stop >= start ? 1 : -1);
    return sequence(start, stop, step);
  });
}

/// sequence over dates: the step is a whole number of days (1 or -1 by default).
VectorFunctionPtr makeDateSequence() {
  return std::make_shared<ValueFunction>([](const std::vector<Value>& arguments) {
    int64_t start = integerAt(arguments, 0);
    int64_t stop = integerAt(arguments, 1);
    int64_t step = stop >= start ? 1 : -1;
    if (arguments.size() > 2) {
      int64_t millis = integerAt(arguments, 2);
      PRESTO_USER_CHECK(millis % kMillisPerDay == 0, errors::INVALID_FUNCTION_ARGUMENT,
          "sequence step must be a day interval if start and end values are dates");
      step = millis / kMillisPerDay;
    }
    return sequence(start, stop, step);
  });
}

/// flatten: the elements of the inner arrays in order; NULL inner arrays contribute nothing.
VectorFunctionPtr makeFlatten() {
  return std::make_shared<ValueFunction>([](const std::vector<Value>& arguments) {
    std::vector<Value> result;
    for (const auto& inner : elementsOf(arguments[0])) {
      if (inner.isNull()) continue;
      const auto& elements = elementsOf(inner);
      result.insert(result.end(), elements.begin(), elements.end());
    }
    return Value::array(std::move(result));
  });
}

/// concat(array, ...): the elements of the arrays in order.
VectorFunctionPtr makeArrayConcat() {
  return std::make_shared<ValueFunction>([](const std::vector<Value>& arguments) {
    std::vector<Value> result;
    for (const auto& array : arguments) {
      const auto& elements = elementsOf(array);
      result.insert(result.end(), elements.begin(), elements.end());
    }
    return Value::array(std::move(result));
  });
}

/// zip: rows of the i-th elements, padded with NULLs to the longest array.
VectorFunctionPtr makeZip() {
  return std::make_shared<ValueFunction>([](const std::vector<Value>& arguments) {
    size_t length = 0;
    for (const auto& array : arguments) length = std::max(length, elementsOf(array).size());
    std::vector<Value> rows;
    for (size_t i = 0; i < length; ++i) {
      std::vector<Value> fields;
      for (const auto& array : arguments) {
        const auto& elements = elementsOf(array);
        fields.push_back(i < elements.size() ? elements[i] : Value());
      }
      rows.push_back(Value::row(std::move(fields)));
    }
    return Value::array(std::move(rows));
  });
}

/// repeat(element, count): the element (NULL too) count times.
VectorFunctionPtr makeRepeat() {
  return std::make_shared<ValueFunction>(
      [](const std::vector<Value>& arguments) {
        if (arguments[1].isNull()) return Value();
        int64_t count = integerAt(arguments, 1);
        PRESTO_USER_CHECK(count >= 0, errors::INVALID_FUNCTION_ARGUMENT, "count argument of repeat function must be greater than or equal to 0");
        PRESTO_USER_CHECK(count <= kMaxEntries, errors::INVALID_FUNCTION_ARGUMENT,
            "count argument of repeat function must be less than or equal to 10000");
        return Value::array(std::vector<Value>(static_cast<size_t>(count), arguments[0]));
      },
      true);
}

VectorFunctionPtr makeShuffle() {
  return std::make_shared<ValueFunction>([](const std::vector<Value>& arguments) {
    thread_local std::mt19937_64 generator{std::random_device{}()};
    auto elements = elementsOf(arguments[0]);
    std::shuffle(elements.begin(), elements.end(), generator);
    return Value::array(std::move(elements));
  });
}

void registerArrayBuild(FunctionRegistry& registry, const std::string& name, const std::vector<std::string>& arguments,
    const std::string& returnType, FunctionMetadata metadata, VectorFunctionPtr function, bool variableArity = false) {
  auto signature = makeSignature(name, arguments, returnType, {{"T", TypeConstraint::kNone}, {"U", TypeConstraint::kNone}, {"V", TypeConstraint::kNone}});
  signature.variableArity = variableArity;
  registry.registerScalar(std::move(signature), std::move(metadata), [function](const FunctionBinding&) { return function; });
}

} // namespace

void registerArrayBuildFunctions(FunctionRegistry& registry) {
  auto numbers = makeSequence();
  registerArrayBuild(registry, "sequence", {"bigint", "bigint"}, "array(bigint)", describe("integers from start to stop"), numbers);
  registerArrayBuild(registry, "sequence", {"bigint", "bigint", "bigint"}, "array(bigint)", describe("integers from start to stop by step"), numbers);
  registerArrayBuild(registry, "sequence", {"timestamp", "timestamp", "interval day to second"}, "array(timestamp)",
      describe("timestamps from start to stop by step"), numbers);
  auto dates = makeDateSequence();
  registerArrayBuild(registry, "sequence", {"date", "date"}, "array(date)", describe("days from start to stop"), dates);
  registerArrayBuild(registry, "sequence", {"date", "date", "interval day to second"}, "array(date)",
      describe("dates from start to stop by a whole number of days"), dates);
  registerArrayBuild(registry, "flatten", {"array(array(T))"}, "array(T)", describe("elements of the inner arrays"), makeFlatten());
  // concat(array(T), T) and concat(T, array(T)) would tie with concat(varchar...) on a NULL argument.
  registerArrayBuild(registry, "concat", {"array(T)"}, "array(T)", describe("elements of the arrays in order"), makeArrayConcat(), true);
  registerArrayBuild(registry, "zip", {"array(T)", "array(U)"}, "array(row(T,U))", describe("rows of the i-th elements"), makeZip());
  registerArrayBuild(registry, "zip", {"array(T)", "array(U)", "array(V)"}, "array(row(T,U,V))", describe("rows of the i-th elements"), makeZip());
  registerArrayBuild(registry, "repeat", {"T", "bigint"}, "array(T)", describe("the element count times"), makeRepeat());
  registerArrayBuild(registry, "shuffle", {"array(T)"}, "array(T)", describe("the elements in random order", false), makeShuffle());
}

} // namespace presto
