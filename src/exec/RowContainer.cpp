#include "exec/RowContainer.h"

#include <cstring>

#include "common/Check.h"
#include "vector/FlatVector.h"

namespace presto::exec {
namespace {

int32_t alignUp(int32_t value, int32_t alignment) {
  return (value + alignment - 1) / alignment * alignment;
}

int32_t keyWidth(PhysicalKind kind) {
  return kind == PhysicalKind::kString || kind == PhysicalKind::kInt128 ? 16 : 8;
}

} // namespace

RowContainer::RowContainer(std::vector<TypePtr> keyTypes, std::vector<std::pair<int32_t, int32_t>> accumulators,
    int32_t extraBytes, MemoryPoolPtr pool)
    : keyTypes_(std::move(keyTypes)), reservation_(std::move(pool), MemoryKind::kUser) {
  int32_t offset = 0;
  for (const auto& type : keyTypes_) {
    PRESTO_USER_CHECK(type->isPrimitive(), errors::NOT_SUPPORTED, "{} is not supported as a grouping or join key",
        type->toString());
    auto kind = physicalKind(*type);
    keyKinds_.push_back(kind);
    keyOffsets_.push_back(offset);
    offset += keyWidth(kind);
  }
  nullOffset_ = offset;
  offset += (static_cast<int32_t>(keyTypes_.size() + accumulators.size()) + 7) / 8;
  for (const auto& [size, alignment] : accumulators) {
    offset = alignUp(offset, alignment);
    rowAlignment_ = std::max(rowAlignment_, alignment);
    accumulatorOffsets_.push_back(offset);
    offset += size;
  }
  offset = alignUp(offset, 8);
  extraOffset_ = offset;
  offset += extraBytes;
  rowSize_ = alignUp(std::max(offset, 8), rowAlignment_);
}

char* RowContainer::allocate(int64_t bytes, int32_t alignment) {
  auto position = reinterpret_cast<uintptr_t>(chunkPosition_);
  position = (position + static_cast<uintptr_t>(alignment) - 1) & ~(static_cast<uintptr_t>(alignment) - 1);
  if (chunkPosition_ == nullptr || position + static_cast<uintptr_t>(bytes) > reinterpret_cast<uintptr_t>(chunkEnd_)) {
    int64_t chunkBytes = std::max(kChunkBytes, bytes + alignment);
    reservation_.resize(reservation_.bytes() + chunkBytes);
    chunks_.push_back(std::make_unique<char[]>(static_cast<size_t>(chunkBytes)));
    chunkPosition_ = chunks_.back().get();
    chunkEnd_ = chunkPosition_ + chunkBytes;
    position = reinterpret_cast<uintptr_t>(chunkPosition_);
    position = (position + static_cast<uintptr_t>(alignment) - 1) & ~(static_cast<uintptr_t>(alignment) - 1);
  }
  chunkPosition_ = reinterpret_cast<char*>(position + static_cast<uintptr_t>(bytes));
  return reinterpret_cast<char*>(position);
}

char* RowContainer::newRow() {
  char* row = allocate(rowSize_, rowAlignment_);
  std::memset(row, 0, static_cast<size_t>(rowSize_));
  rows_.push_back(row);
  return row;
}

StringView RowContainer::copyString(StringView value) {
  if (value.isInline()) {
    return value;
  }
  char* bytes = allocate(value.size(), 1);
  std::memcpy(bytes, value.data(), value.size());
  return StringView(bytes, value.size());
}

void RowContainer::storeKey(const DecodedVector& decoded, vector_size_t index, char* row, int32_t key) {
  if (decoded.isNullAt(index)) {
    row[nullOffset_ + key / 8] |= static_cast<char>(1 << (key % 8));
    return;
  }
  char* slot = row + keyOffsets_[static_cast<size_t>(key)];
  switch (keyKinds_[static_cast<size_t>(key)]) {
    case PhysicalKind::kBool: *reinterpret_cast<int64_t*>(slot) = decoded.valueAt<bool>(index); break;
    case PhysicalKind::kInt8:
    case PhysicalKind::kUnknown: *reinterpret_cast<int64_t*>(slot) = decoded.valueAt<int8_t>(index); break;
    case PhysicalKind::kInt16: *reinterpret_cast<int64_t*>(slot) = decoded.valueAt<int16_t>(index); break;
    case PhysicalKind::kInt32: *reinterpret_cast<int64_t*>(slot) = decoded.valueAt<int32_t>(index); break;
    case PhysicalKind::kInt64: *reinterpret_cast<int64_t*>(slot) = decoded.valueAt<int64_t>(index); break;
    case PhysicalKind::kInt128: *reinterpret_cast<int128_t*>(slot) = decoded.valueAt<int128_t>(index); break;
    case PhysicalKind::kFloat: *reinterpret_cast<double*>(slot) = decoded.valueAt<float>(index); break;
    case PhysicalKind::kDouble: *reinterpret_cast<double*>(slot) = decoded.valueAt<double>(index); break;
    case PhysicalKind::kString:
      *reinterpret_cast<StringView*>(slot) = copyString(decoded.valueAt<StringView>(index));
      break;
    default: PRESTO_FAIL("unsupported key type");
  }
}

bool RowContainer::keyEquals(const DecodedVector& decoded, vector_size_t index, const char* row, int32_t key) const {
  bool rowNull = isNullKey(row, key);
  if (decoded.isNullAt(index)) {
    return rowNull;
  }
  if (rowNull) {
    return false;
  }
  const char* slot = row + keyOffsets_[static_cast<size_t>(key)];
  switch (keyKinds_[static_cast<size_t>(key)]) {
    case PhysicalKind::kBool: return *reinterpret_cast<const int64_t*>(slot) == decoded.valueAt<bool>(index);
    case PhysicalKind::kInt8:
    case PhysicalKind::kUnknown: return *reinterpret_cast<const int64_t*>(slot) == decoded.valueAt<int8_t>(index);
    case PhysicalKind::kInt16: return *reinterpret_cast<const int64_t*>(slot) == decoded.valueAt<int16_t>(index);
    case PhysicalKind::kInt32: return *reinterpret_cast<const int64_t*>(slot) == decoded.valueAt<int32_t>(index);
    case PhysicalKind::kInt64: return *reinterpret_cast<const int64_t*>(slot) == decoded.valueAt<int64_t>(index);
    case PhysicalKind::kInt128: return *reinterpret_cast<const int128_t*>(slot) == decoded.valueAt<int128_t>(index);
    case PhysicalKind::kFloat:
    case PhysicalKind::kDouble: {
      double stored = *reinterpret_cast<const double*>(slot);
      double value = keyKinds_[static_cast<size_t>(key)] == PhysicalKind::kFloat ? decoded.valueAt<float>(index)
                                                                                  : decoded.valueAt<double>(index);
      return stored == value || (stored != stored && value != value);
    }
    case PhysicalKind::kString: return *reinterpret_cast<const StringView*>(slot) == decoded.valueAt<StringView>(index);
    default: PRESTO_FAIL("unsupported key type");
  }
}

VectorPtr RowContainer::extractKey(const char* const* rows, vector_size_t numRows, int32_t key) const {
  const auto& type = keyTypes_[static_cast<size_t>(key)];
  int32_t offset = keyOffsets_[static_cast<size_t>(key)];
  return dispatchScalar(*type, [&](auto tag) -> VectorPtr {
    using T = typename decltype(tag)::type;
    auto result = FlatVector<T>::create(type, numRows);
    T* values = result->mutableRawValues();
    for (vector_size_t i = 0; i < numRows; ++i) {
      const char* row = rows[i];
      if (isNullKey(row, key)) {
        result->setNull(i, true);
        continue;
      }
      const char* slot = row + offset;
      if constexpr (std::is_same_v<T, StringView>) {
        auto view = *reinterpret_cast<const StringView*>(slot);
        values[i] = view.isInline() ? view : result->copyString(view.view());
      } else if constexpr (std::is_same_v<T, int128_t>) {
        values[i] = *reinterpret_cast<const int128_t*>(slot);
      } else if constexpr (std::is_floating_point_v<T>) {
        values[i] = static_cast<T>(*reinterpret_cast<const double*>(slot));
      } else {
        values[i] = static_cast<T>(*reinterpret_cast<const int64_t*>(slot));
      }
    }
    return result;
  });
}

void RowContainer::clear() {
  rows_.clear();
  chunks_.clear();
  chunkPosition_ = nullptr;
  chunkEnd_ = nullptr;
  reservation_.resize(0);
}

} // namespace presto::exec
