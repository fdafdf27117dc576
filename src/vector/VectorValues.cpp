#include "vector/VectorValues.h"

#include <functional>

#include "common/Check.h"
#include "vector/ComplexVector.h"
#include "vector/ConstantVector.h"
#include "vector/FlatVector.h"
#include "vector/TypeDispatch.h"

namespace presto {
namespace {

template <typename T>
Value scalarValue(const BaseVector& base, vector_size_t index) {
  T value = base.as<FlatVector<T>>()->valueAt(index);
  if constexpr (std::is_same_v<T, StringView>) {
    return Value(value.str());
  } else if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, float> || std::is_same_v<T, double> ||
      std::is_same_v<T, int128_t>) {
    return Value(value);
  } else {
    return Value(static_cast<int64_t>(value));
  }
}

template <typename T>
void setScalar(FlatVector<T>& vector, vector_size_t row, const Value& value) {
  if constexpr (std::is_same_v<T, StringView>) {
    vector.setString(row, value.as<std::string>());
  } else if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, float> || std::is_same_v<T, double>) {
    vector.set(row, value.as<T>());
  } else if constexpr (std::is_same_v<T, int128_t>) {
    vector.set(row, value.holds<int128_t>() ? value.as<int128_t>() : static_cast<int128_t>(value.as<int64_t>()));
  } else {
    vector.set(row, static_cast<T>(value.as<int64_t>()));
  }
}

BufferPtr nullsFor(const std::vector<Value>& values) {
  BufferPtr nulls;
  for (size_t i = 0; i < values.size(); ++i) {
    if (values[i].isNull()) {
      if (!nulls) {
        nulls = Buffer::allocate(bits::numBytes(values.size()), true);
      }
      bits::setBit(nulls->asMutable<uint64_t>(), i);
    }
  }
  return nulls;
}

// Offsets and sizes of collections, with the flattened children they index.
void collectionLayout(const std::vector<Value>& values, const std::function<size_t(const Value&)>& sizeOf,
    BufferPtr& offsets, BufferPtr& sizes) {
  auto size = static_cast<vector_size_t>(values.size());
  offsets = Buffer::allocate(static_cast<size_t>(std::max(size, 1)) * 4, true);
  sizes = Buffer::allocate(static_cast<size_t>(std::max(size, 1)) * 4, true);
  vector_size_t offset = 0;
  for (size_t i = 0; i < values.size(); ++i) {
    auto length = values[i].isNull() ? 0 : static_cast<vector_size_t>(sizeOf(values[i]));
    offsets->asMutable<vector_size_t>()[i] = offset;
    sizes->asMutable<vector_size_t>()[i] = length;
    offset += length;
  }
}

} // namespace

Value valueAt(const BaseVector& vector, vector_size_t row) {
  if (vector.isNullAt(row)) {
    return Value();
  }
  const BaseVector& base = *vector.wrappedVector();
  vector_size_t index = vector.wrappedIndex(row);
  switch (base.encoding()) {
    case VectorEncoding::kArray: {
      const auto* array = base.as<ArrayVector>();
      std::vector<Value> elements;
      for (vector_size_t i = 0; i < array->sizeAt(index); ++i) {
        elements.push_back(valueAt(*array->elements(), array->offsetAt(index) + i));
      }
      return Value::array(std::move(elements));
    }
    case VectorEncoding::kMap: {
      const auto* map = base.as<MapVector>();
      std::vector<Value> keys;
      std::vector<Value> values;
      for (vector_size_t i = 0; i < map->sizeAt(index); ++i) {
        keys.push_back(valueAt(*map->mapKeys(), map->offsetAt(index) + i));
        values.push_back(valueAt(*map->mapValues(), map->offsetAt(index) + i));
      }
      return Value::map(std::move(keys), std::move(values));
    }
    case VectorEncoding::kRow: {
      const auto* rowVector = base.as<RowVector>();
      std::vector<Value> fields;
      for (const auto& child : rowVector->children()) {
        fields.push_back(valueAt(*child, index));
      }
      return Value::row(std::move(fields));
    }
    case VectorEncoding::kFlat:
      return dispatchScalar(*base.type(), [&](auto tag) -> Value {
        using T = typename decltype(tag)::type;
        return scalarValue<T>(base, index);
      });
    default:
      PRESTO_FAIL("unexpected base encoding {}", encodingName(base.encoding()));
  }
}

VectorPtr vectorFromValues(const TypePtr& type, const std::vector<Value>& values) {
  auto size = static_cast<vector_size_t>(values.size());
  auto nulls = nullsFor(values);
  switch (type->kind()) {
    case TypeKind::kArray: {
      BufferPtr offsets, sizes;
      collectionLayout(values, [](const Value& v) { return v.as<ArrayValue>().elements.size(); }, offsets, sizes);
      std::vector<Value> elements;
      for (const auto& value : values) {
        if (!value.isNull()) {
          const auto& items = value.as<ArrayValue>().elements;
          elements.insert(elements.end(), items.begin(), items.end());
        }
      }
      return std::make_shared<ArrayVector>(
          type, size, offsets, sizes, vectorFromValues(type->childAt(0), elements), nulls);
    }
    case TypeKind::kMap: {
      BufferPtr offsets, sizes;
      collectionLayout(values, [](const Value& v) { return v.as<MapValue>().keys.size(); }, offsets, sizes);
      std::vector<Value> keys;
      std::vector<Value> mapValues;
      for (const auto& value : values) {
        if (!value.isNull()) {
          const auto& map = value.as<MapValue>();
          keys.insert(keys.end(), map.keys.begin(), map.keys.end());
          mapValues.insert(mapValues.end(), map.values.begin(), map.values.end());
        }
      }
      return std::make_shared<MapVector>(type, size, offsets, sizes, vectorFromValues(type->childAt(0), keys),
          vectorFromValues(type->childAt(1), mapValues), nulls);
    }
    case TypeKind::kRow: {
      std::vector<VectorPtr> children;
      for (size_t field = 0; field < type->children().size(); ++field) {
        std::vector<Value> fieldValues;
        for (const auto& value : values) {
          fieldValues.push_back(value.isNull() ? Value() : value.as<RowValue>().fields.at(field));
        }
        children.push_back(vectorFromValues(type->childAt(field), fieldValues));
      }
      return std::make_shared<RowVector>(type, size, std::move(children), nulls);
    }
    default:
      return dispatchScalar(*type, [&](auto tag) -> VectorPtr {
        using T = typename decltype(tag)::type;
        auto vector = FlatVector<T>::create(type, size);
        for (vector_size_t row = 0; row < size; ++row) {
          if (!values[static_cast<size_t>(row)].isNull() && type->kind() != TypeKind::kUnknown) {
            setScalar(*vector, row, values[static_cast<size_t>(row)]);
          }
        }
        vector->setNulls(nulls);
        return vector;
      });
  }
}

VectorPtr makeConstant(const TypePtr& type, const Value& value, vector_size_t size) {
  return std::make_shared<ConstantVector>(vectorFromValues(type, {value}), 0, size);
}

} // namespace presto
