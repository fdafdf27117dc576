#pragma once

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "function/FunctionSignature.h"
#include "function/VectorFunction.h"

namespace presto {

class AggregateFunction;

/// Builds a scalar implementation specialized for a binding (types and constant arguments).
using VectorFunctionFactory = std::function<VectorFunctionPtr(const FunctionBinding& binding)>;
/// Builds an aggregate implementation for a binding.
using AggregateFunctionFactory = std::function<std::shared_ptr<const AggregateFunction>(const FunctionBinding& binding)>;

/// What SHOW FUNCTIONS lists about an overload, beside its signature.
struct FunctionMetadata {
  FunctionKind kind = FunctionKind::kScalar;
  bool deterministic = true;
  std::string description;
  /// Operators ($operator$add ...) are resolved like functions but hidden from SHOW FUNCTIONS.
  bool hidden = false;
};

/// One registered overload.
struct FunctionEntry {
  FunctionSignature signature;
  FunctionMetadata metadata;
  VectorFunctionFactory scalarFactory;
  AggregateFunctionFactory aggregateFactory;
};

/// A function call resolved against the registry: the overload, the types arguments must be
/// coerced to, and the return type. Plans hold it as the function handle of a call.
struct ResolvedFunction {
  std::shared_ptr<const FunctionEntry> entry;
  std::vector<TypePtr> argumentTypes;
  TypePtr returnType;

  const std::string& name() const { return entry->signature.name; }
  bool isDeterministic() const { return entry->metadata.deterministic; }
  /// Builds the implementation for these types and the given constant arguments.
  VectorFunctionPtr makeScalar(std::vector<std::optional<Value>> constantArguments) const;
  /// `name(type, ...)`.
  std::string toString() const;
  bool equals(const ResolvedFunction& other) const;
};

using ResolvedFunctionPtr = std::shared_ptr<const ResolvedFunction>;

/// One row of SHOW FUNCTIONS.
struct FunctionListing {
  std::string name;
  std::string returnType;
  std::string argumentTypes;
  std::string kind;
  bool deterministic;
  std::string description;
};

/// The functions a query may call. Built once at start-up (see registerBuiltinFunctions) and passed
/// to the analyzer, planner and evaluator; read-only afterwards, so it may be shared across threads.
class FunctionRegistry {
 public:
  /// Adds an overload. Names are case-insensitive.
  void registerScalar(FunctionSignature signature, FunctionMetadata metadata, VectorFunctionFactory factory);
  void registerAggregate(FunctionSignature signature, FunctionMetadata metadata, AggregateFunctionFactory factory);
  /// Adds a window function's signature. Its implementation lives in the execution engine's window
  /// operator; the registry serves resolution in the analyzer and SHOW FUNCTIONS.
  void registerWindow(FunctionSignature signature, FunctionMetadata metadata);

  /// Resolves `name(argumentTypes...)`: an exact match if there is one, otherwise the overload
  /// needing the fewest implicit coercions. FUNCTION_NOT_FOUND (with the candidates listed) when
  /// nothing applies; AMBIGUOUS_FUNCTION_CALL when two overloads tie.
  ResolvedFunctionPtr resolve(const std::string& name, const std::vector<TypePtr>& argumentTypes) const;
  /// Like resolve but restricted to `kind`.
  ResolvedFunctionPtr resolve(const std::string& name, const std::vector<TypePtr>& argumentTypes, FunctionKind kind) const;

  /// The parameter types of lambda argument `index` of a scalar call of `name`, as
  /// lambdaParameterTypes() finds them in the first overload that fits the known arguments.
  std::optional<std::vector<TypePtr>> lambdaParameterTypes(
      const std::string& name, const std::vector<TypePtr>& knownTypes, size_t index) const;

  bool contains(const std::string& name) const;
  /// Every visible overload, sorted by name, for SHOW FUNCTIONS.
  std::vector<FunctionListing> list() const;
  /// Number of distinct names and of overloads (hidden operators included).
  size_t numFunctions() const { return entries_.size(); }
  size_t numSignatures() const;

 private:
  void add(std::shared_ptr<FunctionEntry> entry);

  std::unordered_map<std::string, std::vector<std::shared_ptr<const FunctionEntry>>> entries_;
};

/// Presto's internal names of operators, resolved through the registry like functions.
namespace operators {
inline constexpr const char* kAdd = "$operator$add";
inline constexpr const char* kSubtract = "$operator$subtract";
inline constexpr const char* kMultiply = "$operator$multiply";
inline constexpr const char* kDivide = "$operator$divide";
inline constexpr const char* kModulus = "$operator$modulus";
inline constexpr const char* kNegate = "$operator$negation";
inline constexpr const char* kEqual = "$operator$equal";
inline constexpr const char* kNotEqual = "$operator$not_equal";
inline constexpr const char* kLessThan = "$operator$less_than";
inline constexpr const char* kLessThanOrEqual = "$operator$less_than_or_equal";
inline constexpr const char* kGreaterThan = "$operator$greater_than";
inline constexpr const char* kGreaterThanOrEqual = "$operator$greater_than_or_equal";
inline constexpr const char* kBetween = "$operator$between";
inline constexpr const char* kIsDistinctFrom = "$operator$is_distinct_from";
inline constexpr const char* kSubscript = "$operator$subscript";
} // namespace operators

} // namespace presto
