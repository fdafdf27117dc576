#pragma once

#include <array>
#include <string>
#include <tuple>
#include <type_traits>

#include "function/CallStatus.h"
#include "function/FunctionRegistry.h"
#include "vector/DecodedVector.h"
#include "vector/FlatVector.h"
#include "vector/TypeDispatch.h"

/// The simple-function framework: a scalar function is a struct with a `call` member taking the
/// output by reference and the argument values, returning `bool` (false: NULL result), `void`
/// (never NULL) or a CallStatus (value, NULL or a per-row error):
///
///   struct CeilFunction {
///     void call(double& out, double value) { out = std::ceil(value); }
///   };
///   registerSimple<CeilFunction, double, double>(registry, "ceil", {"double"}, "double");
///
/// C++ types follow the vectors' physical layout (int32_t for date and integer, int64_t for bigint
/// and short decimals, int128_t for long decimals, StringView for varchar/varbinary/json). A
/// varchar result is written into a `std::string&`, unless the struct declares
/// `static constexpr bool kReturnsInputSlice = true`, in which case the output is a `StringView&`
/// pointing into an argument's bytes. An optional `void initialize(const FunctionBinding&)` sees
/// argument types and constant arguments once per compiled call. Arguments that are NULL make the
/// result NULL without calling the function. The adapter vectorizes the struct with fast paths for
/// flat and constant arguments without nulls.
namespace presto {

namespace detail {

template <typename T>
struct OutputOf {
  using type = T;
};
template <>
struct OutputOf<StringView> {
  using type = std::string;
};

template <typename Fn>
constexpr bool returnsInputSlice() {
  if constexpr (requires { Fn::kReturnsInputSlice; }) {
    return Fn::kReturnsInputSlice;
  } else {
    return false;
  }
}

/// Reads one argument in the fast path: `data[row & mask]` with mask 0 for a constant.
template <typename T>
struct FastReader {
  const T* data;
  vector_size_t mask;
  T operator[](vector_size_t row) const { return data[row & mask]; }
};

/// Maps the outcome of a call (bool, void or CallStatus) to: 0 value, 1 null, 2 error.
template <typename Result>
int outcomeOf(Result& result) {
  if constexpr (std::is_same_v<Result, bool>) {
    return result ? 0 : 1;
  } else {
    return result.isValue() ? 0 : (result.isError() ? 2 : 1);
  }
}

} // namespace detail

/// Vectorizes a simple-function struct; see the comment at the top of this file.
template <typename Fn, typename TReturn, typename... TArgs>
class SimpleFunctionAdapter final : public VectorFunction {
 public:
  static constexpr size_t kNumArgs = sizeof...(TArgs);
  static constexpr bool kSlice = detail::returnsInputSlice<Fn>();
  using Output = std::conditional_t<kSlice, StringView, typename detail::OutputOf<TReturn>::type>;

  explicit SimpleFunctionAdapter(const FunctionBinding& binding) {
    if constexpr (requires(Fn fn) { fn.initialize(binding); }) {
      fn_.initialize(binding);
    }
  }

  void apply(const SelectivityVector& rows, const std::vector<VectorPtr>& args,
      const std::vector<const LambdaFunction*>&, const TypePtr& outputType, EvalContext& context,
      VectorPtr& result) const override {
    auto flat = FlatVector<TReturn>::create(outputType, rows.size());
    std::array<DecodedVector, kNumArgs> decoded;
    bool fast = true;
    bool mayHaveNulls = false;
    for (size_t i = 0; i < kNumArgs; ++i) {
      decoded[i].decode(*args[i], rows);
      fast = fast && (decoded[i].isIdentityMapping() || decoded[i].isConstantMapping());
      mayHaveNulls = mayHaveNulls || decoded[i].mayHaveNulls();
    }
    if constexpr (kSlice) {
      shareStringBuffers(decoded, *flat);
    }
    if (fast && !mayHaveNulls) {
      applyFast(rows, decoded, *flat, context, std::index_sequence_for<TArgs...>{});
    } else {
      applyGeneric(rows, decoded, *flat, context, std::index_sequence_for<TArgs...>{});
    }
    result = std::move(flat);
  }

 private:
  template <size_t... I>
  void applyFast(const SelectivityVector& rows, const std::array<DecodedVector, kNumArgs>& decoded,
      FlatVector<TReturn>& flat, EvalContext& context, std::index_sequence<I...>) const {
    std::tuple<detail::FastReader<TArgs>...> readers{detail::FastReader<TArgs>{
        decoded[I].template data<TArgs>() + (decoded[I].isConstantMapping() ? decoded[I].index(0) : 0),
        decoded[I].isConstantMapping() ? 0 : ~vector_size_t{0}}...};
    forEachRow(rows, flat, context, [&](vector_size_t row, Output& out) {
      (void)row;
      return fn_.call(out, std::get<I>(readers)[row]...);
    });
  }

  template <size_t... I>
  void applyGeneric(const SelectivityVector& rows, const std::array<DecodedVector, kNumArgs>& decoded,
      FlatVector<TReturn>& flat, EvalContext& context, std::index_sequence<I...>) const {
    forEachRow(rows, flat, context, [&](vector_size_t row, Output& out) {
      (void)row;
      if ((decoded[I].isNullAt(row) || ...)) {
        return CallStatus::null();
      }
      return toStatus(row, out, decoded[I].template valueAt<TArgs>(row)...);
    });
  }

  template <typename... Values>
  CallStatus toStatus(vector_size_t, Output& out, Values... values) const {
    using Result = decltype(fn_.call(out, values...));
    if constexpr (std::is_void_v<Result>) {
      fn_.call(out, values...);
      return CallStatus::value();
    } else if constexpr (std::is_same_v<Result, bool>) {
      return fn_.call(out, values...) ? CallStatus::value() : CallStatus::null();
    } else {
      return fn_.call(out, values...);
    }
  }

  /// Runs `body` for each selected row, storing values, NULLs and errors. A PrestoException thrown
  /// by a function is recorded for its row and evaluation resumes with the next row.
  template <typename Body>
  void forEachRow(const SelectivityVector& rows, FlatVector<TReturn>& flat, EvalContext& context, Body body) const {
    TReturn* values = flat.mutableRawValues();
    Output out{};
    vector_size_t current = rows.begin();
    auto processRow = [&](vector_size_t row) {
      current = row;
      using Result = decltype(body(row, out));
      if constexpr (std::is_void_v<Result>) {
        body(row, out);
        store(flat, values, row, out);
      } else {
        auto outcome = body(row, out);
        switch (detail::outcomeOf(outcome)) {
          case 0: store(flat, values, row, out); break;
          case 1: flat.setNull(row, true); break;
          default:
            if constexpr (std::is_same_v<Result, CallStatus>) {
              context.setError(row, outcome.code(), std::move(outcome.message()));
            }
            flat.setNull(row, true);
        }
      }
    };
    vector_size_t resumeAt = rows.begin();
    while (true) {
      try {
        if (resumeAt == rows.begin() && rows.isAllSelected()) {
          for (vector_size_t row = rows.begin(); row < rows.end(); ++row) processRow(row);
        } else {
          bits::forEachSetBit(rows.allBits(), static_cast<size_t>(resumeAt), static_cast<size_t>(rows.end()),
              [&](size_t row) { processRow(static_cast<vector_size_t>(row)); });
        }
        return;
      } catch (const PrestoException& error) {
        context.setError(current, error);
        flat.setNull(current, true);
        resumeAt = current + 1;
      }
    }
  }

  static void store(FlatVector<TReturn>& flat, TReturn* values, vector_size_t row, Output& out) {
    if constexpr (std::is_same_v<TReturn, StringView> && !kSlice) {
      values[row] = flat.copyString(out);
      out.clear();
    } else {
      values[row] = out;
    }
  }

  static void shareStringBuffers(const std::array<DecodedVector, kNumArgs>& decoded, FlatVector<TReturn>& flat) {
    for (const auto& arg : decoded) {
      if (arg.base()->encoding() == VectorEncoding::kFlat && physicalKind(*arg.base()->type()) == PhysicalKind::kString) {
        for (const auto& buffer : arg.base()->template as<FlatVector<StringView>>()->stringBuffers()) {
          flat.addStringBuffer(buffer);
        }
      }
    }
  }

  mutable Fn fn_;
};

/// Registers a simple-function struct under `name` for one signature. `argumentTypes` and
/// `returnType` are type signatures (or patterns such as `decimal(p,s)` with `returnTypeRule`).
template <typename Fn, typename TReturn, typename... TArgs>
void registerSimple(FunctionRegistry& registry, const std::string& name, const std::vector<std::string>& argumentTypes,
    const std::string& returnType, FunctionMetadata metadata = {}, ReturnTypeRule returnTypeRule = nullptr) {
  auto signature = makeSignature(name, argumentTypes, returnType);
  signature.returnTypeRule = std::move(returnTypeRule);
  registry.registerScalar(std::move(signature), std::move(metadata), [](const FunctionBinding& binding) {
    return std::make_shared<SimpleFunctionAdapter<Fn, TReturn, TArgs...>>(binding);
  });
}

} // namespace presto
