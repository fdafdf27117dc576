#include "vector/serde/BlockWriter.h"

#include <algorithm>
#include <vector>

#include "common/Check.h"
#include "vector/ComplexVector.h"
#include "vector/ConstantVector.h"
#include "vector/DictionaryVector.h"
#include "vector/FlatVector.h"
#include "vector/LazyVector.h"
#include "vector/TypeDispatch.h"
#include "vector/serde/PageFormat.h"

namespace presto {
namespace {

// The rows of a vector to write: a contiguous range or a list of row numbers. Nested blocks write
// subsets of their children (the elements of the selected arrays, the referenced dictionary rows).
class RowSet {
 public:
  static RowSet range(vector_size_t begin, vector_size_t size) { return RowSet(nullptr, begin, size); }
  static RowSet list(const std::vector<vector_size_t>& rows) {
    return RowSet(rows.data(), 0, static_cast<vector_size_t>(rows.size()));
  }

  vector_size_t size() const { return size_; }
  bool isRange() const { return indices_ == nullptr; }
  vector_size_t begin() const { return begin_; }
  vector_size_t operator[](vector_size_t index) const { return indices_ ? indices_[index] : begin_ + index; }

 private:
  RowSet(const vector_size_t* indices, vector_size_t begin, vector_size_t size)
      : indices_(indices), begin_(begin), size_(size) {}

  const vector_size_t* indices_;
  vector_size_t begin_;
  vector_size_t size_;
};

void writeBlock(const BaseVector& vector, const RowSet& rows, ByteWriter& out);

void writeEncodingName(std::string_view name, ByteWriter& out) {
  out.write<int32_t>(static_cast<int32_t>(name.size()));
  out.append(name.data(), name.size());
}

bool isNull(const uint64_t* nulls, vector_size_t row) {
  return nulls && bits::isBitSet(nulls, static_cast<size_t>(row));
}

// Writes the null flag byte and, when any selected row is NULL, one bit per row (LSB first, 1 =
// NULL). Returns the number of NULL rows.
vector_size_t writeNulls(const uint64_t* nulls, const RowSet& rows, ByteWriter& out) {
  vector_size_t numNulls = 0;
  if (nulls) {
    if (rows.isRange()) {
      auto begin = static_cast<size_t>(rows.begin());
      numNulls = static_cast<vector_size_t>(bits::countBits(nulls, begin, begin + static_cast<size_t>(rows.size())));
    } else {
      for (vector_size_t i = 0; i < rows.size(); ++i) {
        numNulls += isNull(nulls, rows[i]);
      }
    }
  }
  if (numNulls == 0) {
    out.write<uint8_t>(0);
    return 0;
  }
  out.write<uint8_t>(1);
  auto numRows = static_cast<size_t>(rows.size());
  auto* bytes = reinterpret_cast<uint8_t*>(out.grow((numRows + 7) / 8));
  if (rows.isRange() && rows.begin() % 8 == 0) {
    // Our bitmaps are little-endian words, so their bytes are already in wire order.
    std::memcpy(bytes, reinterpret_cast<const uint8_t*>(nulls) + rows.begin() / 8, (numRows + 7) / 8);
    if (numRows % 8 != 0) {
      bytes[numRows / 8] &= static_cast<uint8_t>((1u << (numRows % 8)) - 1);
    }
  } else {
    for (size_t i = 0; i < numRows; ++i) {
      if (isNull(nulls, rows[static_cast<vector_size_t>(i)])) {
        bytes[i / 8] |= static_cast<uint8_t>(1u << (i % 8));
      }
    }
  }
  return numNulls;
}

template <typename T>
std::string_view fixedWidthEncoding() {
  if constexpr (sizeof(T) == 1) {
    return page_format::kByteArray;
  } else if constexpr (sizeof(T) == 2) {
    return page_format::kShortArray;
  } else if constexpr (sizeof(T) == 4) {
    return page_format::kIntArray;
  } else if constexpr (sizeof(T) == 8) {
    return page_format::kLongArray;
  } else {
    static_assert(sizeof(T) == 16);
    return page_format::kInt128Array;
  }
}

template <typename T>
void writeFixedWidth(const FlatVector<T>& vector, const RowSet& rows, ByteWriter& out) {
  writeEncodingName(fixedWidthEncoding<T>(), out);
  out.write<int32_t>(rows.size());
  const uint64_t* nulls = vector.rawNulls();
  vector_size_t numNulls = writeNulls(nulls, rows, out);
  const T* values = vector.rawValues();
  if (numNulls == 0 && rows.isRange()) {
    out.append(values + rows.begin(), static_cast<size_t>(rows.size()) * sizeof(T));
    return;
  }
  char* target = out.grow(static_cast<size_t>(rows.size() - numNulls) * sizeof(T));
  for (vector_size_t i = 0; i < rows.size(); ++i) {
    vector_size_t row = rows[i];
    if (numNulls == 0 || !isNull(nulls, row)) {
      std::memcpy(target, values + row, sizeof(T));
      target += sizeof(T);
    }
  }
}

void writeStrings(const FlatVector<StringView>& vector, const RowSet& rows, ByteWriter& out) {
  writeEncodingName(page_format::kVariableWidth, out);
  out.write<int32_t>(rows.size());
  const uint64_t* nulls = vector.rawNulls();
  vector_size_t numNulls = writeNulls(nulls, rows, out);
  const StringView* values = vector.rawValues();
  char* offsets = out.grow(static_cast<size_t>(rows.size() - numNulls) * sizeof(int32_t));
  int64_t totalBytes = 0;
  for (vector_size_t i = 0; i < rows.size(); ++i) {
    vector_size_t row = rows[i];
    if (numNulls == 0 || !isNull(nulls, row)) {
      totalBytes += values[row].size();
      PRESTO_CHECK(totalBytes <= INT32_MAX, "string column too large for one page");
      auto end = static_cast<int32_t>(totalBytes);
      std::memcpy(offsets, &end, sizeof(end));
      offsets += sizeof(end);
    }
  }
  out.write<int32_t>(static_cast<int32_t>(totalBytes));
  char* target = out.grow(static_cast<size_t>(totalBytes));
  for (vector_size_t i = 0; i < rows.size(); ++i) {
    vector_size_t row = rows[i];
    if (numNulls == 0 || !isNull(nulls, row)) {
      std::memcpy(target, values[row].data(), values[row].size());
      target += values[row].size();
    }
  }
}

// Unknown-typed vectors have no values: every row is written NULL.
void writeUnknown(const RowSet& rows, ByteWriter& out) {
  writeEncodingName(page_format::kByteArray, out);
  auto numRows = static_cast<size_t>(rows.size());
  out.write<int32_t>(rows.size());
  out.write<uint8_t>(numRows > 0 ? 1 : 0);
  auto* bytes = reinterpret_cast<uint8_t*>(out.grow((numRows + 7) / 8));
  std::memset(bytes, 0xff, numRows / 8);
  if (numRows % 8 != 0) {
    bytes[numRows / 8] = static_cast<uint8_t>((1u << (numRows % 8)) - 1);
  }
}

// Writes the position count, nulls and (n + 1) offsets of arrays or maps, and returns the rows of
// the child vectors the selected collections cover (a range when they are contiguous, which is the
// usual case; otherwise a list kept in `childRows`).
RowSet writeCollectionLayout(const BaseVector& vector, const vector_size_t* offsets, const vector_size_t* sizes,
    const RowSet& rows, std::vector<vector_size_t>& childRows, ByteWriter& out) {
  out.write<int32_t>(rows.size());
  const uint64_t* nulls = vector.rawNulls();
  writeNulls(nulls, rows, out);
  char* offsetBytes = out.grow(static_cast<size_t>(rows.size() + 1) * sizeof(int32_t));
  int64_t total = 0;
  bool contiguous = true;
  bool started = false;
  vector_size_t rangeStart = 0;
  int64_t rangeEnd = 0;
  for (vector_size_t i = 0; i < rows.size(); ++i) {
    vector_size_t row = rows[i];
    vector_size_t size = isNull(nulls, row) ? 0 : sizes[row];
    if (size > 0) {
      if (!started) {
        started = true;
        rangeStart = offsets[row];
        rangeEnd = int64_t{rangeStart} + size;
      } else if (contiguous && offsets[row] == rangeEnd) {
        rangeEnd += size;
      } else {
        contiguous = false;
      }
    }
    total += size;
    PRESTO_CHECK(total <= INT32_MAX, "collection column too large for one page");
    auto end = static_cast<int32_t>(total);
    std::memcpy(offsetBytes + static_cast<size_t>(i + 1) * sizeof(int32_t), &end, sizeof(end));
  }
  if (contiguous) {
    return RowSet::range(rangeStart, static_cast<vector_size_t>(total));
  }
  childRows.reserve(static_cast<size_t>(total));
  for (vector_size_t i = 0; i < rows.size(); ++i) {
    vector_size_t row = rows[i];
    if (!isNull(nulls, row)) {
      for (vector_size_t element = 0; element < sizes[row]; ++element) {
        childRows.push_back(offsets[row] + element);
      }
    }
  }
  return RowSet::list(childRows);
}

void writeArray(const ArrayVector& vector, const RowSet& rows, ByteWriter& out) {
  writeEncodingName(page_format::kArray, out);
  std::vector<vector_size_t> elementRows;
  RowSet elements = writeCollectionLayout(vector, vector.rawOffsets(), vector.rawSizes(), rows, elementRows, out);
  writeBlock(*vector.elements(), elements, out);
}

void writeMap(const MapVector& vector, const RowSet& rows, ByteWriter& out) {
  writeEncodingName(page_format::kMap, out);
  std::vector<vector_size_t> entryRows;
  RowSet entries = writeCollectionLayout(vector, vector.rawOffsets(), vector.rawSizes(), rows, entryRows, out);
  writeBlock(*vector.mapKeys(), entries, out);
  writeBlock(*vector.mapValues(), entries, out);
}

void writeRow(const RowVector& vector, const RowSet& rows, ByteWriter& out) {
  writeEncodingName(page_format::kRow, out);
  out.write<int32_t>(rows.size());
  writeNulls(vector.rawNulls(), rows, out);
  out.write<int32_t>(static_cast<int32_t>(vector.childrenSize()));
  for (const auto& child : vector.children()) {
    writeBlock(*child, rows, out);
  }
}

void writeConstant(const ConstantVector& vector, const RowSet& rows, ByteWriter& out) {
  writeEncodingName(page_format::kRle, out);
  out.write<int32_t>(rows.size());
  writeBlock(*vector.valueVector(), RowSet::range(vector.baseIndex(), 1), out);
}

// The dictionary rows that the non-NULL selected rows reference, in increasing order, and for each
// selected row its id among them (-1 for NULL rows).
void compactDictionary(const DictionaryVector& vector, const RowSet& rows, std::vector<vector_size_t>& baseRows,
    std::vector<vector_size_t>& ids) {
  const uint64_t* nulls = vector.rawNulls();
  const vector_size_t* indices = vector.rawIndices();
  auto baseSize = static_cast<size_t>(vector.valueVector()->size());
  ids.assign(static_cast<size_t>(rows.size()), -1);
  for (vector_size_t i = 0; i < rows.size(); ++i) {
    vector_size_t index = indices[rows[i]];
    PRESTO_CHECK(isNull(nulls, rows[i]) || (index >= 0 && static_cast<size_t>(index) < baseSize),
        "dictionary index {} outside its base of {} rows", index, baseSize);
  }
  if (baseSize <= 4 * static_cast<size_t>(rows.size()) + 64) {
    // A dictionary about the size of the rows: mark and renumber in one pass over it.
    std::vector<vector_size_t> newIds(baseSize, -1);
    for (vector_size_t i = 0; i < rows.size(); ++i) {
      if (!isNull(nulls, rows[i])) {
        newIds[static_cast<size_t>(indices[rows[i]])] = 0;
      }
    }
    for (size_t row = 0; row < baseSize; ++row) {
      if (newIds[row] == 0) {
        newIds[row] = static_cast<vector_size_t>(baseRows.size());
        baseRows.push_back(static_cast<vector_size_t>(row));
      }
    }
    for (vector_size_t i = 0; i < rows.size(); ++i) {
      if (!isNull(nulls, rows[i])) {
        ids[static_cast<size_t>(i)] = newIds[static_cast<size_t>(indices[rows[i]])];
      }
    }
    return;
  }
  // A large dictionary (a filter kept few rows): sort the referenced rows instead of scanning it.
  for (vector_size_t i = 0; i < rows.size(); ++i) {
    if (!isNull(nulls, rows[i])) {
      baseRows.push_back(indices[rows[i]]);
    }
  }
  std::sort(baseRows.begin(), baseRows.end());
  baseRows.erase(std::unique(baseRows.begin(), baseRows.end()), baseRows.end());
  for (vector_size_t i = 0; i < rows.size(); ++i) {
    if (!isNull(nulls, rows[i])) {
      auto position = std::lower_bound(baseRows.begin(), baseRows.end(), indices[rows[i]]);
      ids[static_cast<size_t>(i)] = static_cast<vector_size_t>(position - baseRows.begin());
    }
  }
}

// Writes only the dictionary rows that non-NULL selected rows reference and renumbers the ids
// accordingly: a filter's dictionary over a large base does not ship the whole base.
void writeDictionary(const DictionaryVector& vector, const RowSet& rows, ByteWriter& out) {
  writeEncodingName(page_format::kDictionary, out);
  out.write<int32_t>(rows.size());
  vector_size_t numNulls = writeNulls(vector.rawNulls(), rows, out);
  std::vector<vector_size_t> baseRows;
  std::vector<vector_size_t> ids;
  compactDictionary(vector, rows, baseRows, ids);
  const BaseVector& base = *vector.valueVector();
  if (baseRows.empty()) {
    // Every row is NULL. Write an empty flat dictionary, whatever the base's encoding, so that the
    // bytes do not depend on how the base was encoded.
    writeBlock(*BaseVector::create(base.type(), 0), RowSet::range(0, 0), out);
  } else if (static_cast<vector_size_t>(baseRows.size()) == base.size()) {
    writeBlock(base, RowSet::range(0, base.size()), out);
  } else {
    writeBlock(base, RowSet::list(baseRows), out);
  }
  char* target = out.grow(static_cast<size_t>(rows.size() - numNulls) * sizeof(int32_t));
  for (vector_size_t id : ids) {
    if (id >= 0) {
      std::memcpy(target, &id, sizeof(id));
      target += sizeof(id);
    }
  }
}

void writeFlat(const BaseVector& vector, const RowSet& rows, ByteWriter& out) {
  if (vector.type()->kind() == TypeKind::kUnknown) {
    writeUnknown(rows, out);
    return;
  }
  dispatchScalar(*vector.type(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    if constexpr (std::is_same_v<T, StringView>) {
      writeStrings(*vector.as<FlatVector<StringView>>(), rows, out);
    } else {
      writeFixedWidth(*vector.as<FlatVector<T>>(), rows, out);
    }
  });
}

void writeBlock(const BaseVector& vector, const RowSet& rows, ByteWriter& out) {
  switch (vector.encoding()) {
    case VectorEncoding::kFlat: return writeFlat(vector, rows, out);
    case VectorEncoding::kConstant: return writeConstant(*vector.as<ConstantVector>(), rows, out);
    case VectorEncoding::kDictionary: return writeDictionary(*vector.as<DictionaryVector>(), rows, out);
    case VectorEncoding::kLazy: return writeBlock(*vector.as<LazyVector>()->loadedVector(), rows, out);
    case VectorEncoding::kArray: return writeArray(*vector.as<ArrayVector>(), rows, out);
    case VectorEncoding::kMap: return writeMap(*vector.as<MapVector>(), rows, out);
    case VectorEncoding::kRow: return writeRow(*vector.as<RowVector>(), rows, out);
  }
  PRESTO_FAIL("cannot serialize a vector with encoding {}", encodingName(vector.encoding()));
}

} // namespace

void writeBlock(const BaseVector& vector, vector_size_t numRows, ByteWriter& out) {
  PRESTO_CHECK(numRows >= 0 && numRows <= vector.size(), "cannot write {} rows of {}", numRows, vector.describe());
  writeBlock(vector, RowSet::range(0, numRows), out);
}

} // namespace presto
