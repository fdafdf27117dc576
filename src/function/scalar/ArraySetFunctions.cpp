#include <algorithm>

#include "function/BuiltinFunctions.h"
#include "function/scalar/ValueFunction.h"

namespace presto {
namespace {

using Elements = std::vector<Value>;

bool containsValue(const Elements& elements, const Value& value) {
  return std::find(elements.begin(), elements.end(), value) != elements.end();
}

/// Appends the elements of `from` (NULL counts as a value) that `keep` accepts and `into` lacks.
template <typename Keep>
void appendDistinct(Elements& into, const Elements& from, Keep keep) {
  for (const auto& element : from) {
    if (keep(element) && !containsValue(into, element)) into.push_back(element);
  }
}

const Elements& elementsOf(const Value& array) {
  return array.as<ArrayValue>().elements;
}

/// array_union, array_intersect, array_except: distinct elements in the order of their first
/// appearance in x (then y for a union).
enum class SetOperation { kUnion, kIntersect, kExcept };

VectorFunctionPtr makeSetOperation(SetOperation operation) {
  return std::make_shared<ValueFunction>([operation](const std::vector<Value>& arguments) {
    const auto& left = elementsOf(arguments[0]);
    const auto& right = elementsOf(arguments[1]);
    Elements result;
    switch (operation) {
      case SetOperation::kUnion:
        appendDistinct(result, left, [](const Value&) { return true; });
        appendDistinct(result, right, [](const Value&) { return true; });
        break;
      case SetOperation::kIntersect:
        appendDistinct(result, left, [&](const Value& element) { return containsValue(right, element); });
        break;
      case SetOperation::kExcept:
        appendDistinct(result, left, [&](const Value& element) { return !containsValue(right, element); });
        break;
    }
    return Value::array(std::move(result));
  });
}

/// arrays_overlap: true when a non-null element is in both; otherwise NULL if either holds a NULL.
VectorFunctionPtr makeArraysOverlap() {
  return std::make_shared<ValueFunction>([](const std::vector<Value>& arguments) {
    const auto& left = elementsOf(arguments[0]);
    const auto& right = elementsOf(arguments[1]);
    bool sawNull = false;
    for (const auto& element : left) {
      if (element.isNull()) {
        sawNull = true;
      } else if (containsValue(right, element)) {
        return Value(true);
      }
    }
    sawNull = sawNull || std::any_of(right.begin(), right.end(), [](const Value& element) { return element.isNull(); });
    return sawNull ? Value() : Value(false);
  });
}

void registerSetFunction(FunctionRegistry& registry, const std::string& name, const std::string& returnType,
    const std::string& description, VectorFunctionPtr function) {
  registry.registerScalar(makeSignature(name, {"array(T)", "array(T)"}, returnType, {{"T", TypeConstraint::kComparable}}),
      {FunctionKind::kScalar, true, description, false}, [function](const FunctionBinding&) { return function; });
}

} // namespace

void registerArraySetFunctions(FunctionRegistry& registry) {
  registerSetFunction(registry, "array_union", "array(T)", "distinct elements of x and y", makeSetOperation(SetOperation::kUnion));
  registerSetFunction(registry, "array_intersect", "array(T)", "distinct elements of x that are in y", makeSetOperation(SetOperation::kIntersect));
  registerSetFunction(registry, "array_except", "array(T)", "distinct elements of x that are not in y", makeSetOperation(SetOperation::kExcept));
  registerSetFunction(registry, "arrays_overlap", "boolean", "whether x and y share a non-null element", makeArraysOverlap());
}

} // namespace presto
