#include "expression/InExpr.h"

#include <fmt/format.h>

#include <string>
#include <unordered_set>
#include <variant>

#include "vector/DecodedVector.h"
#include "vector/FlatVector.h"
#include "vector/TypeDispatch.h"

namespace presto {
namespace {

struct Int128Hash {
  size_t operator()(int128_t value) const {
    return std::hash<int64_t>{}(static_cast<int64_t>(value)) ^ (std::hash<int64_t>{}(static_cast<int64_t>(value >> 64)) << 1);
  }
};

struct TransparentStringHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

template <typename T>
struct SetOf {
  using type = std::unordered_set<T>;
};
template <>
struct SetOf<int128_t> {
  using type = std::unordered_set<int128_t, Int128Hash>;
};
template <>
struct SetOf<StringView> {
  using type = std::unordered_set<std::string, TransparentStringHash, std::equal_to<>>;
};

template <typename T>
T nativeValue(const Value& value) {
  if constexpr (std::is_same_v<T, StringView>) {
    return T();
  } else if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, float> || std::is_same_v<T, double> ||
      std::is_same_v<T, int128_t>) {
    return value.as<T>();
  } else {
    return static_cast<T>(value.as<int64_t>());
  }
}

} // namespace

class InExpr::Set {
 public:
  using Variant = std::variant<SetOf<bool>::type, SetOf<int8_t>::type, SetOf<int16_t>::type, SetOf<int32_t>::type,
      SetOf<int64_t>::type, SetOf<int128_t>::type, SetOf<float>::type, SetOf<double>::type, SetOf<StringView>::type>;
  Variant values;
};

InExpr::InExpr(ExprPtr input, const TypePtr& valueType, const std::vector<Value>& candidates)
    : Expr(BOOLEAN(), {input}, input->isDeterministic()), set_(std::make_unique<Set>()), numCandidates_(candidates.size()) {
  dispatchScalar(*valueType, [&](auto tag) {
    using T = typename decltype(tag)::type;
    typename SetOf<T>::type set;
    for (const auto& candidate : candidates) {
      if (candidate.isNull()) {
        hasNullCandidate_ = true;
      } else if constexpr (std::is_same_v<T, StringView>) {
        set.insert(candidate.as<std::string>());
      } else {
        set.insert(nativeValue<T>(candidate));
      }
    }
    set_->values = std::move(set);
  });
}

InExpr::~InExpr() = default;

std::string InExpr::toString() const {
  return fmt::format("IN({}, <{} values>)", inputsToString(), numCandidates_);
}

void InExpr::evalSpecific(const SelectivityVector& rows, EvalContext& context, VectorPtr& result) {
  VectorPtr value;
  inputs_[0]->eval(rows, context, value);
  DecodedVector decoded(*value, rows);
  auto flat = FlatVector<bool>::create(BOOLEAN(), rows.size());
  bool* values = flat->mutableRawValues();
  std::visit(
      [&](const auto& set) {
        using SetType = std::decay_t<decltype(set)>;
        using Key = typename SetType::key_type;
        rows.applyToSelected([&](vector_size_t row) {
          if (decoded.isNullAt(row)) {
            flat->setNull(row, true);
            return;
          }
          bool found;
          if constexpr (std::is_same_v<Key, std::string>) {
            auto view = decoded.valueAt<StringView>(row);
            found = set.find(view.view()) != set.end();
          } else {
            found = set.count(decoded.valueAt<Key>(row)) > 0;
          }
          if (found) {
            values[row] = true;
          } else if (hasNullCandidate_) {
            flat->setNull(row, true);
          }
        });
      },
      set_->values);
  result = std::move(flat);
}

} // namespace presto
