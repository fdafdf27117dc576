#include "vector/BaseVector.h"

#include <fmt/format.h>

#include "vector/ComplexVector.h"
#include "vector/FlatVector.h"
#include "vector/TypeDispatch.h"
#include "vector/VectorValues.h"

namespace presto {

std::string_view encodingName(VectorEncoding encoding) {
  switch (encoding) {
    case VectorEncoding::kFlat: return "FLAT";
    case VectorEncoding::kConstant: return "CONSTANT";
    case VectorEncoding::kDictionary: return "DICTIONARY";
    case VectorEncoding::kLazy: return "LAZY";
    case VectorEncoding::kArray: return "ARRAY";
    case VectorEncoding::kMap: return "MAP";
    case VectorEncoding::kRow: return "ROW";
  }
  return "UNKNOWN";
}

BaseVector::BaseVector(TypePtr type, VectorEncoding encoding, vector_size_t size, BufferPtr nulls)
    : type_(std::move(type)), encoding_(encoding), size_(size), nulls_(std::move(nulls)) {
  PRESTO_CHECK(type_ != nullptr, "vector without a type");
  PRESTO_CHECK(size >= 0, "negative vector size {}", size);
  PRESTO_CHECK(!nulls_ || nulls_->capacity() >= bits::numBytes(static_cast<size_t>(size)),
      "nulls buffer too small for {} rows", size);
}

void BaseVector::setNull(vector_size_t index, bool isNull) {
  if (!nulls_) {
    if (!isNull) {
      return;
    }
    nulls_ = Buffer::allocate(bits::numBytes(static_cast<size_t>(size_)), true);
  }
  bits::setBit(nulls_->asMutable<uint64_t>(), static_cast<size_t>(index), isNull);
}

uint64_t BaseVector::retainedBytes() const {
  uint64_t bytes = 0;
  visitBuffers([&](const Buffer& buffer) { bytes += buffer.capacity(); });
  return bytes;
}

void BaseVector::visitBuffers(const std::function<void(const Buffer&)>& visit) const {
  if (nulls_) {
    visit(*nulls_);
  }
}

void BaseVector::resizeNulls(vector_size_t newSize) {
  if (!nulls_) {
    return;
  }
  size_t needed = bits::numBytes(static_cast<size_t>(newSize));
  if (needed > nulls_->capacity()) {
    nulls_ = Buffer::copyResized(*nulls_, std::max(needed, nulls_->capacity() * 2));
  }
  if (newSize > size_) {
    bits::fillBits(nulls_->asMutable<uint64_t>(), static_cast<size_t>(size_), static_cast<size_t>(newSize), false);
  }
}

void BaseVector::resize(vector_size_t newSize) {
  resizeNulls(newSize);
  size_ = newSize;
}

std::string BaseVector::toString(vector_size_t index) const {
  return valueAt(*this, index).toString(*type_);
}

std::string BaseVector::describe() const {
  return fmt::format("[{} {}: {} rows]", encodingName(encoding_), type_->toString(), size_);
}

VectorPtr BaseVector::create(const TypePtr& type, vector_size_t size) {
  auto zeroedIndices = [size] { return Buffer::allocate(static_cast<size_t>(std::max(size, 1)) * 4, true); };
  switch (type->kind()) {
    case TypeKind::kArray:
      return std::make_shared<ArrayVector>(type, size, zeroedIndices(), zeroedIndices(), create(type->childAt(0), 0));
    case TypeKind::kMap:
      return std::make_shared<MapVector>(
          type, size, zeroedIndices(), zeroedIndices(), create(type->childAt(0), 0), create(type->childAt(1), 0));
    case TypeKind::kRow: {
      std::vector<VectorPtr> children;
      for (const auto& child : type->children()) {
        children.push_back(create(child, size));
      }
      return std::make_shared<RowVector>(type, size, std::move(children));
    }
    default:
      return dispatchScalar(*type, [&](auto tag) -> VectorPtr {
        using T = typename decltype(tag)::type;
        return FlatVector<T>::create(type, size);
      });
  }
}

PhysicalKind physicalKind(const Type& type) {
  switch (type.kind()) {
    case TypeKind::kBoolean: return PhysicalKind::kBool;
    case TypeKind::kTinyint: return PhysicalKind::kInt8;
    case TypeKind::kSmallint: return PhysicalKind::kInt16;
    case TypeKind::kInteger:
    case TypeKind::kDate:
    case TypeKind::kIntervalYearMonth: return PhysicalKind::kInt32;
    case TypeKind::kBigint:
    case TypeKind::kTime:
    case TypeKind::kTimestamp:
    case TypeKind::kTimestampWithTimeZone:
    case TypeKind::kIntervalDayTime: return PhysicalKind::kInt64;
    case TypeKind::kDecimal: return type.isLongDecimal() ? PhysicalKind::kInt128 : PhysicalKind::kInt64;
    case TypeKind::kReal: return PhysicalKind::kFloat;
    case TypeKind::kDouble: return PhysicalKind::kDouble;
    case TypeKind::kVarchar:
    case TypeKind::kChar:
    case TypeKind::kVarbinary:
    case TypeKind::kJson: return PhysicalKind::kString;
    case TypeKind::kArray: return PhysicalKind::kArray;
    case TypeKind::kMap: return PhysicalKind::kMap;
    case TypeKind::kRow: return PhysicalKind::kRow;
    case TypeKind::kUnknown: return PhysicalKind::kUnknown;
  }
  PRESTO_FAIL("unhandled type kind");
}

} // namespace presto
