#include "vector/serde/BlockReader.h"

#include <array>
#include <bit>

#include "common/Check.h"
#include "vector/ComplexVector.h"
#include "vector/ConstantVector.h"
#include "vector/DictionaryVector.h"
#include "vector/FlatVector.h"
#include "vector/TypeDispatch.h"
#include "vector/serde/PageFormat.h"

namespace presto {
namespace {

#define CORRUPT_PAGE_CHECK(condition, ...) \
  PRESTO_USER_CHECK(condition, errors::CORRUPT_PAGE, "Corrupt page: " __VA_ARGS__)

enum class BlockEncoding {
  kByteArray,
  kShortArray,
  kIntArray,
  kLongArray,
  kInt128Array,
  kVariableWidth,
  kArray,
  kMap,
  kRow,
  kRle,
  kDictionary,
};

constexpr std::array<std::pair<std::string_view, BlockEncoding>, 11> kEncodings = {{
    {page_format::kByteArray, BlockEncoding::kByteArray},
    {page_format::kShortArray, BlockEncoding::kShortArray},
    {page_format::kIntArray, BlockEncoding::kIntArray},
    {page_format::kLongArray, BlockEncoding::kLongArray},
    {page_format::kInt128Array, BlockEncoding::kInt128Array},
    {page_format::kVariableWidth, BlockEncoding::kVariableWidth},
    {page_format::kArray, BlockEncoding::kArray},
    {page_format::kMap, BlockEncoding::kMap},
    {page_format::kRow, BlockEncoding::kRow},
    {page_format::kRle, BlockEncoding::kRle},
    {page_format::kDictionary, BlockEncoding::kDictionary},
}};

BlockEncoding readEncoding(ByteReader& in) {
  int32_t length = in.readCount("encoding name length");
  CORRUPT_PAGE_CHECK(length > 0 && length <= page_format::kMaxEncodingNameLength,
      "encoding name of {} bytes", length);
  std::string_view name(in.readBytes(static_cast<uint64_t>(length), "encoding name"), static_cast<size_t>(length));
  for (const auto& [encodingName, encoding] : kEncodings) {
    if (name == encodingName) {
      return encoding;
    }
  }
  CORRUPT_PAGE_CHECK(false, "unknown block encoding of {} bytes", length);
  return BlockEncoding::kRle;
}

std::string_view nameOf(BlockEncoding encoding) {
  return kEncodings[static_cast<size_t>(encoding)].first;
}

// The flat encoding that values of `type` are written with.
BlockEncoding flatEncodingOf(const Type& type) {
  switch (physicalKind(type)) {
    case PhysicalKind::kBool:
    case PhysicalKind::kInt8:
    case PhysicalKind::kUnknown: return BlockEncoding::kByteArray;
    case PhysicalKind::kInt16: return BlockEncoding::kShortArray;
    case PhysicalKind::kInt32:
    case PhysicalKind::kFloat: return BlockEncoding::kIntArray;
    case PhysicalKind::kInt64:
    case PhysicalKind::kDouble: return BlockEncoding::kLongArray;
    case PhysicalKind::kInt128: return BlockEncoding::kInt128Array;
    case PhysicalKind::kString: return BlockEncoding::kVariableWidth;
    case PhysicalKind::kArray: return BlockEncoding::kArray;
    case PhysicalKind::kMap: return BlockEncoding::kMap;
    case PhysicalKind::kRow: return BlockEncoding::kRow;
  }
  PRESTO_FAIL("unhandled physical kind");
}

int32_t readPositionCount(ByteReader& in, int64_t expectedRows) {
  int32_t numRows = in.readCount("position count");
  CORRUPT_PAGE_CHECK(expectedRows < 0 || numRows == expectedRows, "block has {} positions where {} are expected",
      numRows, expectedRows);
  return numRows;
}

// The null flag byte and, if set, one bit per row. Returns nullptr when no row is NULL.
BufferPtr readNulls(ByteReader& in, int32_t numRows, int32_t& numNulls) {
  numNulls = 0;
  auto flag = in.read<uint8_t>("null flag");
  CORRUPT_PAGE_CHECK(flag <= 1, "null flag {}", flag);
  if (flag == 0) {
    return nullptr;
  }
  size_t numBytes = (static_cast<size_t>(numRows) + 7) / 8;
  const auto* bytes = reinterpret_cast<const uint8_t*>(in.readBytes(numBytes, "null bits"));
  if (numRows % 8 != 0) {
    CORRUPT_PAGE_CHECK((bytes[numBytes - 1] >> (numRows % 8)) == 0, "null bits set past the last position");
  }
  auto nulls = Buffer::allocate(bits::numBytes(static_cast<size_t>(numRows)), true);
  std::memcpy(nulls->asMutable<uint8_t>(), bytes, numBytes);
  numNulls = static_cast<int32_t>(bits::countBits(nulls->as<uint64_t>(), 0, static_cast<size_t>(numRows)));
  return numNulls > 0 ? nulls : nullptr;
}

bool isNull(const BufferPtr& nulls, int32_t row) {
  return nulls && bits::isBitSet(nulls->as<uint64_t>(), static_cast<size_t>(row));
}

template <typename T>
VectorPtr readFixedWidth(const TypePtr& type, int64_t expectedRows, ByteReader& in) {
  int32_t numRows = readPositionCount(in, expectedRows);
  int32_t numNulls = 0;
  auto nulls = readNulls(in, numRows, numNulls);
  auto numValues = static_cast<size_t>(numRows - numNulls);
  const char* source = in.readBytes(numValues * sizeof(T), "values");
  if constexpr (std::is_same_v<T, bool>) {
    for (size_t i = 0; i < numValues; ++i) {
      CORRUPT_PAGE_CHECK(static_cast<uint8_t>(source[i]) <= 1, "boolean value {}", static_cast<uint8_t>(source[i]));
    }
  }
  auto values = Buffer::allocate(static_cast<size_t>(std::max(numRows, 1)) * sizeof(T), numNulls > 0);
  if (numNulls == 0) {
    std::memcpy(values->asMutable<char>(), source, numValues * sizeof(T));
  } else {
    char* target = values->asMutable<char>();
    for (int32_t row = 0; row < numRows; ++row) {
      if (!isNull(nulls, row)) {
        std::memcpy(target + static_cast<size_t>(row) * sizeof(T), source, sizeof(T));
        source += sizeof(T);
      }
    }
  }
  return std::make_shared<FlatVector<T>>(type, numRows, std::move(values), std::move(nulls));
}

VectorPtr readUnknown(const TypePtr& type, int64_t expectedRows, ByteReader& in) {
  int32_t numRows = readPositionCount(in, expectedRows);
  int32_t numNulls = 0;
  auto nulls = readNulls(in, numRows, numNulls);
  CORRUPT_PAGE_CHECK(numNulls == numRows, "unknown-typed block has {} non-null positions", numRows - numNulls);
  auto values = Buffer::allocate(static_cast<size_t>(std::max(numRows, 1)), true);
  return std::make_shared<FlatVector<int8_t>>(type, numRows, std::move(values), std::move(nulls));
}

VectorPtr readStrings(const TypePtr& type, int64_t expectedRows, ByteReader& in) {
  int32_t numRows = readPositionCount(in, expectedRows);
  int32_t numNulls = 0;
  auto nulls = readNulls(in, numRows, numNulls);
  auto numValues = static_cast<size_t>(numRows - numNulls);
  const char* endOffsets = in.readBytes(numValues * sizeof(int32_t), "string offsets");
  int32_t totalBytes = in.readCount("string bytes");
  int32_t previous = 0;
  for (size_t i = 0; i < numValues; ++i) {
    int32_t end;
    std::memcpy(&end, endOffsets + i * sizeof(int32_t), sizeof(end));
    CORRUPT_PAGE_CHECK(end >= previous, "string offset {} after {}", end, previous);
    previous = end;
  }
  CORRUPT_PAGE_CHECK(previous == totalBytes, "string offsets end at {} but the block has {} bytes", previous,
      totalBytes);
  const char* bytes = in.readBytes(static_cast<uint64_t>(totalBytes), "string bytes");

  auto values = Buffer::allocate(static_cast<size_t>(std::max(numRows, 1)) * sizeof(StringView), true);
  auto vector = std::make_shared<FlatVector<StringView>>(type, numRows, values, std::move(nulls));
  const char* stringData = nullptr;
  if (totalBytes > 0) {
    auto stringBuffer = Buffer::allocate(static_cast<size_t>(totalBytes));
    std::memcpy(stringBuffer->asMutable<char>(), bytes, static_cast<size_t>(totalBytes));
    stringData = stringBuffer->as<char>();
    vector->addStringBuffer(std::move(stringBuffer));
  }
  auto* views = values->asMutable<StringView>();
  int32_t start = 0;
  size_t valueIndex = 0;
  for (int32_t row = 0; row < numRows; ++row) {
    if (isNull(vector->nulls(), row)) {
      continue;
    }
    int32_t end;
    std::memcpy(&end, endOffsets + valueIndex++ * sizeof(int32_t), sizeof(end));
    views[row] = StringView(stringData + start, static_cast<size_t>(end - start));
    start = end;
  }
  return vector;
}

// The position count, nulls and (n + 1) offsets of an ARRAY or MAP block. Returns the number of
// child positions the offsets cover.
int32_t readCollectionLayout(ByteReader& in, int64_t expectedRows, int32_t& numRows, BufferPtr& nulls,
    BufferPtr& offsets, BufferPtr& sizes) {
  numRows = readPositionCount(in, expectedRows);
  int32_t numNulls = 0;
  nulls = readNulls(in, numRows, numNulls);
  const char* rawOffsets = in.readBytes((static_cast<uint64_t>(numRows) + 1) * sizeof(int32_t), "offsets");
  offsets = allocateIndices(numRows);
  sizes = allocateIndices(numRows);
  auto* offsetValues = offsets->asMutable<vector_size_t>();
  auto* sizeValues = sizes->asMutable<vector_size_t>();
  int32_t start;
  std::memcpy(&start, rawOffsets, sizeof(start));
  CORRUPT_PAGE_CHECK(start == 0, "first offset is {}", start);
  for (int32_t row = 0; row < numRows; ++row) {
    int32_t end;
    std::memcpy(&end, rawOffsets + static_cast<size_t>(row + 1) * sizeof(int32_t), sizeof(end));
    CORRUPT_PAGE_CHECK(end >= start, "offset {} after {}", end, start);
    CORRUPT_PAGE_CHECK(end == start || !isNull(nulls, row), "NULL position {} has {} entries", row, end - start);
    offsetValues[row] = start;
    sizeValues[row] = end - start;
    start = end;
  }
  return start;
}

VectorPtr readArray(const TypePtr& type, int64_t expectedRows, ByteReader& in, int depth) {
  int32_t numRows;
  BufferPtr nulls, offsets, sizes;
  int32_t numElements = readCollectionLayout(in, expectedRows, numRows, nulls, offsets, sizes);
  auto elements = readBlock(type->childAt(0), numElements, in, depth + 1);
  return std::make_shared<ArrayVector>(type, numRows, std::move(offsets), std::move(sizes), std::move(elements),
      std::move(nulls));
}

VectorPtr readMap(const TypePtr& type, int64_t expectedRows, ByteReader& in, int depth) {
  int32_t numRows;
  BufferPtr nulls, offsets, sizes;
  int32_t numEntries = readCollectionLayout(in, expectedRows, numRows, nulls, offsets, sizes);
  auto keys = readBlock(type->childAt(0), numEntries, in, depth + 1);
  auto values = readBlock(type->childAt(1), numEntries, in, depth + 1);
  return std::make_shared<MapVector>(type, numRows, std::move(offsets), std::move(sizes), std::move(keys),
      std::move(values), std::move(nulls));
}

VectorPtr readRow(const TypePtr& type, int64_t expectedRows, ByteReader& in, int depth) {
  int32_t numRows = readPositionCount(in, expectedRows);
  int32_t numNulls = 0;
  auto nulls = readNulls(in, numRows, numNulls);
  int32_t numFields = in.readCount("field count");
  CORRUPT_PAGE_CHECK(static_cast<size_t>(numFields) == type->children().size(), "row block has {} fields for {}",
      numFields, type->toString());
  std::vector<VectorPtr> children;
  children.reserve(static_cast<size_t>(numFields));
  for (const auto& fieldType : type->children()) {
    children.push_back(readBlock(fieldType, numRows, in, depth + 1));
  }
  return std::make_shared<RowVector>(type, numRows, std::move(children), std::move(nulls));
}

VectorPtr readRle(const TypePtr& type, int64_t expectedRows, ByteReader& in, int depth) {
  int32_t numRows = readPositionCount(in, expectedRows);
  auto value = readBlock(type, 1, in, depth + 1);
  return std::make_shared<ConstantVector>(std::move(value), 0, numRows);
}

VectorPtr readDictionary(const TypePtr& type, int64_t expectedRows, ByteReader& in, int depth) {
  int32_t numRows = readPositionCount(in, expectedRows);
  int32_t numNulls = 0;
  auto nulls = readNulls(in, numRows, numNulls);
  auto dictionary = readBlock(type, -1, in, depth + 1);
  auto numIds = static_cast<size_t>(numRows - numNulls);
  const char* rawIds = in.readBytes(numIds * sizeof(int32_t), "dictionary ids");
  auto indices = allocateIndices(numRows);
  auto* ids = indices->asMutable<vector_size_t>();
  for (int32_t row = 0; row < numRows; ++row) {
    if (!isNull(nulls, row)) {
      int32_t id;
      std::memcpy(&id, rawIds, sizeof(id));
      rawIds += sizeof(id);
      CORRUPT_PAGE_CHECK(id >= 0 && id < dictionary->size(), "dictionary id {} outside [0, {})", id,
          dictionary->size());
      ids[row] = id;
    }
  }
  if (dictionary->size() == 0 && numRows > 0) {
    // Every row is NULL. NULL rows still point at row 0, so give them one (NULL) row to point at.
    dictionary = BaseVector::create(type, 1);
    dictionary->setNull(0, true);
  }
  return wrapInDictionary(std::move(nulls), std::move(indices), numRows, std::move(dictionary));
}

VectorPtr readFlat(const TypePtr& type, int64_t expectedRows, ByteReader& in) {
  if (type->kind() == TypeKind::kUnknown) {
    return readUnknown(type, expectedRows, in);
  }
  return dispatchScalar(*type, [&](auto tag) -> VectorPtr {
    using T = typename decltype(tag)::type;
    if constexpr (std::is_same_v<T, StringView>) {
      return readStrings(type, expectedRows, in);
    } else {
      return readFixedWidth<T>(type, expectedRows, in);
    }
  });
}

} // namespace

VectorPtr readBlock(const TypePtr& type, int64_t expectedRows, ByteReader& in, int depth) {
  CORRUPT_PAGE_CHECK(depth <= page_format::kMaxBlockDepth, "blocks nested deeper than {}",
      page_format::kMaxBlockDepth);
  BlockEncoding encoding = readEncoding(in);
  switch (encoding) {
    case BlockEncoding::kRle: return readRle(type, expectedRows, in, depth);
    case BlockEncoding::kDictionary: return readDictionary(type, expectedRows, in, depth);
    default: break;
  }
  BlockEncoding expected = flatEncodingOf(*type);
  CORRUPT_PAGE_CHECK(encoding == expected, "{} block where {} expects {}", nameOf(encoding), type->toString(),
      nameOf(expected));
  switch (encoding) {
    case BlockEncoding::kArray: return readArray(type, expectedRows, in, depth);
    case BlockEncoding::kMap: return readMap(type, expectedRows, in, depth);
    case BlockEncoding::kRow: return readRow(type, expectedRows, in, depth);
    default: return readFlat(type, expectedRows, in);
  }
}

} // namespace presto
