#include "RandomVectorGenerator.h"

#include "vector/ComplexVector.h"
#include "vector/ConstantVector.h"
#include "vector/DictionaryVector.h"
#include "vector/FlatVector.h"
#include "vector/LazyVector.h"
#include "vector/TypeDispatch.h"
#include "vector/VectorValues.h"

namespace presto::test {
namespace {

// Hands out a vector prepared in advance, as a connector's loader would read it.
class PreparedLoader : public VectorLoader {
 public:
  explicit PreparedLoader(VectorPtr vector) : vector_(std::move(vector)) {}
  VectorPtr load(const SelectivityVector&, vector_size_t) override { return vector_; }

 private:
  VectorPtr vector_;
};

} // namespace

std::vector<TypePtr> RandomVectorGenerator::primitiveTypes() {
  return {BOOLEAN(), TINYINT(), SMALLINT(), INTEGER(), BIGINT(), REAL(), DOUBLE(), DECIMAL(15, 2), DECIMAL(38, 6),
      VARCHAR(), VARCHAR(25), CHAR(10), VARBINARY(), JSON(), DATE(), TIME(), TIMESTAMP(), TIMESTAMP_WITH_TIME_ZONE(),
      INTERVAL_DAY_TIME(), INTERVAL_YEAR_MONTH(), UNKNOWN()};
}

TypePtr RandomVectorGenerator::randomType(int depth) {
  static const auto primitives = primitiveTypes();
  if (depth >= options_.maxTypeDepth || coin(0.6)) {
    return primitives[static_cast<size_t>(between(0, static_cast<int64_t>(primitives.size()) - 1))];
  }
  switch (between(0, 2)) {
    case 0: return ARRAY(randomType(depth + 1));
    case 1: return MAP(randomType(depth + 1), randomType(depth + 1));
    default: {
      std::vector<std::string> names;
      std::vector<TypePtr> fields;
      auto numFields = between(1, 4);
      for (int64_t i = 0; i < numFields; ++i) {
        names.push_back("f" + std::to_string(i));
        fields.push_back(randomType(depth + 1));
      }
      return ROW(std::move(names), std::move(fields));
    }
  }
}

BufferPtr RandomVectorGenerator::randomNulls(vector_size_t size, bool allNull) {
  if (!allNull && !coin(0.7)) {
    return nullptr;
  }
  auto nulls = Buffer::allocate(bits::numBytes(static_cast<size_t>(size)), true);
  for (vector_size_t row = 0; row < size; ++row) {
    if (allNull || coin(options_.nullRatio)) {
      bits::setBit(nulls->asMutable<uint64_t>(), static_cast<size_t>(row));
    }
  }
  return nulls;
}

std::string RandomVectorGenerator::randomString(size_t maxShortLength) {
  auto length = coin(options_.longStringRatio) ? between(13, 700) : between(0, static_cast<int64_t>(maxShortLength));
  std::string text(static_cast<size_t>(length), ' ');
  for (auto& character : text) {
    character = static_cast<char>(between(0, 255));
  }
  return text;
}

VectorPtr RandomVectorGenerator::randomPrimitive(const TypePtr& type, vector_size_t size) {
  if (type->kind() == TypeKind::kUnknown) {
    return vectorFromValues(type, std::vector<Value>(static_cast<size_t>(size)));
  }
  return dispatchScalar(*type, [&](auto tag) -> VectorPtr {
    using T = typename decltype(tag)::type;
    auto vector = FlatVector<T>::create(type, size);
    for (vector_size_t row = 0; row < size; ++row) {
      if constexpr (std::is_same_v<T, StringView>) {
        vector->setString(row, randomString(type->kind() == TypeKind::kChar ? 10 : 20));
      } else if constexpr (std::is_same_v<T, bool>) {
        vector->set(row, coin(0.5));
      } else if constexpr (std::is_same_v<T, float> || std::is_same_v<T, double>) {
        vector->set(row, static_cast<T>(std::uniform_real_distribution<double>(-1e6, 1e6)(random_)));
      } else if constexpr (std::is_same_v<T, int128_t>) {
        auto high = static_cast<int128_t>(between(INT64_MIN / 4, INT64_MAX / 4));
        vector->set(row, high * (static_cast<int128_t>(1) << 64) + static_cast<uint64_t>(between(0, INT64_MAX)));
      } else {
        vector->set(row, static_cast<T>(between(std::numeric_limits<T>::min(), std::numeric_limits<T>::max())));
      }
    }
    vector->setNulls(randomNulls(size));
    return vector;
  });
}

VectorPtr RandomVectorGenerator::randomCollection(const TypePtr& type, vector_size_t size) {
  auto nulls = randomNulls(size);
  auto offsets = allocateIndices(size);
  auto sizes = allocateIndices(size);
  vector_size_t total = 0;
  for (vector_size_t row = 0; row < size; ++row) {
    bool isNull = nulls && bits::isBitSet(nulls->as<uint64_t>(), static_cast<size_t>(row));
    sizes->asMutable<vector_size_t>()[row] = isNull ? 0 : static_cast<vector_size_t>(between(0, options_.maxCollectionSize));
    total += sizes->as<vector_size_t>()[row];
  }
  // Lay the collections out in order, or in reverse order so that the writer meets a child range
  // that is not contiguous.
  bool reversed = coin(0.3);
  vector_size_t offset = 0;
  for (vector_size_t i = 0; i < size; ++i) {
    vector_size_t row = reversed ? size - 1 - i : i;
    offsets->asMutable<vector_size_t>()[row] = offset;
    offset += sizes->as<vector_size_t>()[row];
  }
  if (type->kind() == TypeKind::kArray) {
    return std::make_shared<ArrayVector>(
        type, size, offsets, sizes, randomVector(type->childAt(0), total), nulls);
  }
  return std::make_shared<MapVector>(type, size, offsets, sizes, randomVector(type->childAt(0), total),
      randomVector(type->childAt(1), total), nulls);
}

VectorPtr RandomVectorGenerator::randomRow(const TypePtr& type, vector_size_t size) {
  std::vector<VectorPtr> children;
  for (const auto& child : type->children()) {
    children.push_back(randomVector(child, size));
  }
  return std::make_shared<RowVector>(type, size, std::move(children), randomNulls(size));
}

VectorPtr RandomVectorGenerator::randomFlatVector(const TypePtr& type, vector_size_t size) {
  ++vectorDepth_;
  VectorPtr result;
  switch (type->kind()) {
    case TypeKind::kArray:
    case TypeKind::kMap: result = randomCollection(type, size); break;
    case TypeKind::kRow: result = randomRow(type, size); break;
    default: result = randomPrimitive(type, size);
  }
  --vectorDepth_;
  return result;
}

VectorPtr RandomVectorGenerator::randomConstant(const TypePtr& type, vector_size_t size) {
  auto baseSize = static_cast<vector_size_t>(between(1, 5));
  auto base = coin(0.2) ? randomVector(type, baseSize) : randomFlatVector(type, baseSize);
  if (coin(0.2)) {
    base->setNull(0, true);
    return std::make_shared<ConstantVector>(base, 0, size);
  }
  return std::make_shared<ConstantVector>(base, static_cast<vector_size_t>(between(0, baseSize - 1)), size);
}

VectorPtr RandomVectorGenerator::randomDictionary(const TypePtr& type, vector_size_t size) {
  auto baseSize = static_cast<vector_size_t>(between(0, std::max<vector_size_t>(size * 2, 1)));
  auto base = randomVector(type, baseSize);
  auto nulls = randomNulls(size, baseSize == 0);
  auto indices = allocateIndices(size);
  for (vector_size_t row = 0; row < size; ++row) {
    indices->asMutable<vector_size_t>()[row] = baseSize == 0 ? 0 : static_cast<vector_size_t>(between(0, baseSize - 1));
  }
  return wrapInDictionary(nulls, indices, size, base);
}

VectorPtr RandomVectorGenerator::randomLazy(const TypePtr& type, vector_size_t size) {
  return std::make_shared<LazyVector>(type, size, std::make_unique<PreparedLoader>(randomVector(type, size)));
}

VectorPtr RandomVectorGenerator::randomVector(const TypePtr& type, vector_size_t size) {
  if (vectorDepth_ < 6 && coin(options_.encodingRatio)) {
    ++vectorDepth_;
    VectorPtr result;
    switch (between(0, 2)) {
      case 0: result = randomConstant(type, size); break;
      case 1: result = randomDictionary(type, size); break;
      default: result = randomLazy(type, size);
    }
    --vectorDepth_;
    return result;
  }
  // Sometimes the vector has rows past the ones the page (or parent) uses.
  return randomFlatVector(type, size + (coin(0.1) ? static_cast<vector_size_t>(between(1, 3)) : 0));
}

Page RandomVectorGenerator::randomPage(const std::vector<TypePtr>& types, vector_size_t numRows) {
  std::vector<VectorPtr> columns;
  for (const auto& type : types) {
    columns.push_back(randomVector(type, numRows));
  }
  return Page(numRows, std::move(columns));
}

} // namespace presto::test
