#include <algorithm>
#include <numeric>

#include "function/BuiltinFunctions.h"
#include "function/CallableFunction.h"
#include "vector/ComplexVector.h"
#include "vector/DecodedVector.h"
#include "vector/DictionaryVector.h"
#include "vector/FlatVector.h"
#include "vector/TypeDispatch.h"
#include "vector/VectorValues.h"

namespace presto {
namespace {

FunctionMetadata describe(std::string description) {
  return {FunctionKind::kScalar, true, std::move(description), false};
}

/// An array argument decoded to its base ArrayVector and a decoded view of the elements.
struct DecodedArray {
  DecodedArray(const BaseVector& vector, const SelectivityVector& rows) : decoded(vector, rows) {
    base = decoded.base()->as<ArrayVector>();
    elements.decode(*base->elements());
  }
  bool isNullAt(vector_size_t row) const { return decoded.isNullAt(row); }
  vector_size_t offset(vector_size_t row) const { return base->offsetAt(decoded.index(row)); }
  vector_size_t size(vector_size_t row) const { return base->sizeAt(decoded.index(row)); }

  DecodedVector decoded;
  const ArrayVector* base;
  DecodedVector elements;
};

template <typename T>
int compareElements(T left, T right) {
  if constexpr (std::is_same_v<T, StringView>) {
    return left.compare(right);
  } else {
    return left < right ? -1 : (right < left ? 1 : 0);
  }
}

/// Builds an array result whose elements are a dictionary over the input's elements: distinct,
/// sort, reverse, slice, remove and filter pick elements without copying them.
class ElementPicker {
 public:
  explicit ElementPicker(vector_size_t numRows)
      : offsets_(allocateIndices(numRows)), sizes_(allocateIndices(numRows)), numRows_(numRows) {
    std::fill_n(sizes_->asMutable<vector_size_t>(), numRows, 0);
    std::fill_n(offsets_->asMutable<vector_size_t>(), numRows, 0);
  }
  void startRow(vector_size_t row) {
    current_ = row;
    offsets_->asMutable<vector_size_t>()[row] = static_cast<vector_size_t>(picked_.size());
  }
  void pick(vector_size_t elementIndex) {
    picked_.push_back(elementIndex);
    ++sizes_->asMutable<vector_size_t>()[current_];
  }
  void setNull(vector_size_t row) {
    if (!nulls_) nulls_ = Buffer::allocate(bits::numBytes(static_cast<size_t>(numRows_)), true);
    bits::setBit(nulls_->asMutable<uint64_t>(), static_cast<size_t>(row));
  }
  VectorPtr build(const TypePtr& type, const VectorPtr& elements) {
    auto count = static_cast<vector_size_t>(picked_.size());
    auto indices = allocateIndices(std::max(count, 1));
    std::copy(picked_.begin(), picked_.end(), indices->asMutable<vector_size_t>());
    VectorPtr pickedElements = count == 0 ? BaseVector::create(type->childAt(0), 0) : wrapInDictionary(nullptr, indices, count, elements);
    return std::make_shared<ArrayVector>(type, numRows_, offsets_, sizes_, pickedElements, nulls_);
  }

 private:
  BufferPtr offsets_;
  BufferPtr sizes_;
  BufferPtr nulls_;
  vector_size_t numRows_;
  vector_size_t current_ = 0;
  std::vector<vector_size_t> picked_;
};

void cardinality(const SelectivityVector& rows, const std::vector<VectorPtr>& args, const TypePtr& type, EvalContext&, VectorPtr& result) {
  DecodedArray array(*args[0], rows);
  auto flat = FlatVector<int64_t>::create(type, rows.size());
  rows.applyToSelected([&](vector_size_t row) {
    if (array.isNullAt(row)) flat->setNull(row, true); else flat->set(row, array.size(row));
  });
  result = std::move(flat);
}

/// element_at (NULL when out of range) and the subscript operator (an error when out of range).
VectorFunctionPtr makeElementAt(bool isSubscript) {
  return makeCallableFunction([isSubscript](const SelectivityVector& rows, const std::vector<VectorPtr>& args, const TypePtr& type,
                               EvalContext& context, VectorPtr& result) {
    DecodedArray array(*args[0], rows);
    DecodedVector index(*args[1], rows);
    auto indices = allocateIndices(rows.size());
    auto* rawIndices = indices->asMutable<vector_size_t>();
    auto nulls = Buffer::allocate(bits::numBytes(static_cast<size_t>(rows.size())), true);
    auto* rawNulls = nulls->asMutable<uint64_t>();
    for (vector_size_t row = 0; row < rows.size(); ++row) {
      rawIndices[row] = 0;
      bits::setBit(rawNulls, static_cast<size_t>(row));
      if (!rows.isValid(row) || array.isNullAt(row) || index.isNullAt(row)) continue;
      int64_t position = index.valueAt<int64_t>(row);
      int64_t size = array.size(row);
      if (position == 0) {
        context.setError(row, errors::INVALID_FUNCTION_ARGUMENT, "SQL array indices start at 1");
        continue;
      }
      if (isSubscript && position < 0) {
        context.setError(row, errors::INVALID_FUNCTION_ARGUMENT, fmt::format("Array subscript is negative: {}", position));
        continue;
      }
      if (position > size || -position > size) {
        if (isSubscript) {
          context.setError(row, errors::INVALID_FUNCTION_ARGUMENT,
              fmt::format("Array subscript out of bounds: index {}, size {}", position, size));
        }
        continue;
      }
      rawIndices[row] = array.offset(row) + static_cast<vector_size_t>(position > 0 ? position - 1 : size + position);
      bits::clearBit(rawNulls, static_cast<size_t>(row));
    }
    if (array.base->elements()->size() == 0) {
      result = makeConstant(type, Value(), rows.size());
      return;
    }
    result = wrapInDictionary(nulls, indices, rows.size(), array.base->elements());
  });
}

/// contains and array_position: search for a value with equality; NULL elements make a miss NULL
/// (contains) as in Presto.
VectorFunctionPtr makeSearch(bool position) {
  return makeCallableFunction([position](const SelectivityVector& rows, const std::vector<VectorPtr>& args, const TypePtr& type,
                               EvalContext&, VectorPtr& result) {
    DecodedArray array(*args[0], rows);
    DecodedVector search(*args[1], rows);
    dispatchScalar(*args[1]->type(), [&](auto tag) {
      using T = typename decltype(tag)::type;
      if (position) {
        auto flat = FlatVector<int64_t>::create(type, rows.size());
        rows.applyToSelected([&](vector_size_t row) {
          if (array.isNullAt(row) || search.isNullAt(row)) {
            flat->setNull(row, true);
            return;
          }
          int64_t found = 0;
          for (vector_size_t i = 0; i < array.size(row) && found == 0; ++i) {
            auto element = array.offset(row) + i;
            if (!array.elements.isNullAt(element) && array.elements.valueAt<T>(element) == search.valueAt<T>(row)) found = i + 1;
          }
          flat->set(row, found);
        });
        result = std::move(flat);
        return;
      }
      auto flat = FlatVector<bool>::create(type, rows.size());
      rows.applyToSelected([&](vector_size_t row) {
        if (array.isNullAt(row) || search.isNullAt(row)) {
          flat->setNull(row, true);
          return;
        }
        bool found = false;
        bool sawNull = false;
        for (vector_size_t i = 0; i < array.size(row) && !found; ++i) {
          auto element = array.offset(row) + i;
          if (array.elements.isNullAt(element)) {
            sawNull = true;
          } else if (array.elements.valueAt<T>(element) == search.valueAt<T>(row)) {
            found = true;
          }
        }
        if (!found && sawNull) flat->setNull(row, true); else flat->set(row, found);
      });
      result = std::move(flat);
    });
  });
}

/// array_min / array_max: NULL if the array is empty or holds a NULL.
VectorFunctionPtr makeExtreme(bool max) {
  return makeCallableFunction([max](const SelectivityVector& rows, const std::vector<VectorPtr>& args, const TypePtr& type,
                               EvalContext&, VectorPtr& result) {
    DecodedArray array(*args[0], rows);
    dispatchScalar(*type, [&](auto tag) {
      using T = typename decltype(tag)::type;
      auto flat = FlatVector<T>::create(type, rows.size());
      if constexpr (std::is_same_v<T, StringView>) {
        if (array.elements.base()->encoding() == VectorEncoding::kFlat) {
          for (const auto& buffer : array.elements.base()->template as<FlatVector<StringView>>()->stringBuffers()) flat->addStringBuffer(buffer);
        }
      }
      rows.applyToSelected([&](vector_size_t row) {
        if (array.isNullAt(row) || array.size(row) == 0) {
          flat->setNull(row, true);
          return;
        }
        std::optional<T> best;
        for (vector_size_t i = 0; i < array.size(row); ++i) {
          auto element = array.offset(row) + i;
          if (array.elements.isNullAt(element)) {
            best.reset();
            break;
          }
          T value = array.elements.valueAt<T>(element);
          if (!best || (max ? compareElements(value, *best) > 0 : compareElements(value, *best) < 0)) best = value;
        }
        if (best) flat->set(row, *best); else flat->setNull(row, true);
      });
      result = std::move(flat);
    });
  });
}

enum class Pick { kDistinct, kSort, kReverse, kSlice, kRemove };

/// Functions that return a subset or permutation of the elements.
VectorFunctionPtr makePicker(Pick kind) {
  return makeCallableFunction([kind](const SelectivityVector& rows, const std::vector<VectorPtr>& args, const TypePtr& type,
                               EvalContext& context, VectorPtr& result) {
    DecodedArray array(*args[0], rows);
    std::unique_ptr<DecodedVector> second, third;
    if (args.size() > 1) second = std::make_unique<DecodedVector>(*args[1], rows);
    if (args.size() > 2) third = std::make_unique<DecodedVector>(*args[2], rows);
    ElementPicker picker(rows.size());
    dispatchScalar(*type->childAt(0), [&](auto tag) {
      using T = typename decltype(tag)::type;
      auto value = [&](vector_size_t element) { return array.elements.valueAt<T>(element); };
      auto isNull = [&](vector_size_t element) { return array.elements.isNullAt(element); };
      for (vector_size_t row = 0; row < rows.size(); ++row) {
        picker.startRow(row);
        if (!rows.isValid(row) || array.isNullAt(row) || (second && second->isNullAt(row)) || (third && third->isNullAt(row))) {
          picker.setNull(row);
          continue;
        }
        std::vector<vector_size_t> elements(static_cast<size_t>(array.size(row)));
        std::iota(elements.begin(), elements.end(), array.offset(row));
        switch (kind) {
          case Pick::kDistinct: {
            std::vector<vector_size_t> kept;
            bool sawNull = false;
            for (auto element : elements) {
              if (isNull(element)) {
                if (!sawNull) kept.push_back(element);
                sawNull = true;
                continue;
              }
              bool duplicate = std::any_of(kept.begin(), kept.end(), [&](vector_size_t other) {
                return !isNull(other) && value(other) == value(element);
              });
              if (!duplicate) kept.push_back(element);
            }
            elements = std::move(kept);
            break;
          }
          case Pick::kSort:
            // Ascending, NULLs last.
            std::stable_sort(elements.begin(), elements.end(), [&](vector_size_t left, vector_size_t right) {
              if (isNull(left) || isNull(right)) return !isNull(left) && isNull(right);
              return compareElements(value(left), value(right)) < 0;
            });
            break;
          case Pick::kReverse:
            std::reverse(elements.begin(), elements.end());
            break;
          case Pick::kSlice: {
            int64_t start = second->valueAt<int64_t>(row);
            int64_t length = third->valueAt<int64_t>(row);
            if (start == 0) {
              context.setError(row, errors::INVALID_FUNCTION_ARGUMENT, "SQL array indices start at 1");
              picker.setNull(row);
              continue;
            }
            if (length < 0) {
              context.setError(row, errors::INVALID_FUNCTION_ARGUMENT, fmt::format("The value of length argument of slice() function should not be negative"));
              picker.setNull(row);
              continue;
            }
            int64_t size = static_cast<int64_t>(elements.size());
            int64_t first = start > 0 ? start - 1 : size + start;
            if (first < 0 || first >= size) {
              elements.clear();
            } else {
              int64_t last = std::min(size, first + length);
              elements = std::vector<vector_size_t>(elements.begin() + first, elements.begin() + last);
            }
            break;
          }
          case Pick::kRemove: {
            DecodedVector& removed = *second;
            std::vector<vector_size_t> kept;
            for (auto element : elements) {
              if (isNull(element) || !(value(element) == removed.valueAt<T>(row))) kept.push_back(element);
            }
            elements = std::move(kept);
            break;
          }
        }
        for (auto element : elements) picker.pick(element);
      }
    });
    result = picker.build(type, array.base->elements());
  });
}

/// array_join(array(varchar), delimiter[, nullReplacement]).
void arrayJoin(const SelectivityVector& rows, const std::vector<VectorPtr>& args, const TypePtr& type, EvalContext&, VectorPtr& result) {
  DecodedArray array(*args[0], rows);
  DecodedVector delimiter(*args[1], rows);
  std::unique_ptr<DecodedVector> replacement;
  if (args.size() > 2) replacement = std::make_unique<DecodedVector>(*args[2], rows);
  auto flat = FlatVector<StringView>::create(type, rows.size());
  std::string text;
  rows.applyToSelected([&](vector_size_t row) {
    if (array.isNullAt(row) || delimiter.isNullAt(row) || (replacement && replacement->isNullAt(row))) {
      flat->setNull(row, true);
      return;
    }
    text.clear();
    bool first = true;
    StringView separator = delimiter.valueAt<StringView>(row);
    for (vector_size_t i = 0; i < array.size(row); ++i) {
      auto element = array.offset(row) + i;
      StringView piece;
      if (array.elements.isNullAt(element)) {
        if (!replacement) continue;
        piece = replacement->valueAt<StringView>(row);
      } else {
        piece = array.elements.valueAt<StringView>(element);
      }
      if (!first) text.append(separator.view());
      text.append(piece.view());
      first = false;
    }
    flat->set(row, flat->copyString(text));
  });
  result = std::move(flat);
}

void registerArray(FunctionRegistry& registry, const std::string& name, const std::vector<std::string>& arguments,
    const std::string& returnType, const std::string& description, VectorFunctionPtr function,
    TypeConstraint constraint = TypeConstraint::kNone, bool hidden = false) {
  auto metadata = describe(description);
  metadata.hidden = hidden;
  registry.registerScalar(makeSignature(name, arguments, returnType, {{"T", constraint}}), metadata,
      [function](const FunctionBinding&) { return function; });
}

} // namespace

void registerArrayFunctions(FunctionRegistry& registry) {
  registerArray(registry, "cardinality", {"array(T)"}, "bigint", "number of elements", makeCallableFunction(cardinality));
  registerArray(registry, "element_at", {"array(T)", "bigint"}, "T", "element at a 1-based index (negative: from the end); NULL when out of range", makeElementAt(false));
  registerArray(registry, operators::kSubscript, {"array(T)", "bigint"}, "T", "array subscript", makeElementAt(true), TypeConstraint::kNone, true);
  registerArray(registry, "contains", {"array(T)", "T"}, "boolean", "whether the array holds the value", makeSearch(false), TypeConstraint::kComparable);
  registerArray(registry, "array_position", {"array(T)", "T"}, "bigint", "1-based position of the first occurrence, 0 if none", makeSearch(true), TypeConstraint::kComparable);
  registerArray(registry, "array_min", {"array(T)"}, "T", "smallest element", makeExtreme(false), TypeConstraint::kOrderable);
  registerArray(registry, "array_max", {"array(T)"}, "T", "largest element", makeExtreme(true), TypeConstraint::kOrderable);
  registerArray(registry, "array_distinct", {"array(T)"}, "array(T)", "elements without duplicates", makePicker(Pick::kDistinct), TypeConstraint::kComparable);
  registerArray(registry, "array_sort", {"array(T)"}, "array(T)", "elements in ascending order, NULLs last", makePicker(Pick::kSort), TypeConstraint::kOrderable);
  registerArray(registry, "reverse", {"array(T)"}, "array(T)", "elements in reverse order", makePicker(Pick::kReverse));
  registerArray(registry, "slice", {"array(T)", "bigint", "bigint"}, "array(T)", "length elements from start", makePicker(Pick::kSlice));
  registerArray(registry, "array_remove", {"array(T)", "T"}, "array(T)", "elements not equal to the value", makePicker(Pick::kRemove), TypeConstraint::kComparable);
  registerArray(registry, "array_join", {"array(varchar)", "varchar"}, "varchar", "elements joined by a delimiter, NULLs skipped", makeCallableFunction(arrayJoin));
  registerArray(registry, "array_join", {"array(varchar)", "varchar", "varchar"}, "varchar", "elements joined by a delimiter, NULLs replaced", makeCallableFunction(arrayJoin));
}

} // namespace presto
