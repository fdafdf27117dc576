#include "exec/HashTable.h"

#include <cmath>
#include <limits>

#include "common/Check.h"
#include "exec/RowHash.h"

namespace presto::exec {
namespace {

constexpr uint64_t kOutOfRange = std::numeric_limits<uint64_t>::max();

bool isIntegerKind(PhysicalKind kind) {
  return kind == PhysicalKind::kBool || kind == PhysicalKind::kInt8 || kind == PhysicalKind::kInt16 ||
      kind == PhysicalKind::kInt32 || kind == PhysicalKind::kInt64;
}

bool allIntegerKeys(const std::vector<TypePtr>& types) {
  for (const auto& type : types) {
    if (!type->isPrimitive() || !isIntegerKind(physicalKind(*type))) {
      return false;
    }
  }
  return true;
}

/// An integer key value of any width as int64.
int64_t integerAt(const DecodedVector& decoded, PhysicalKind kind, vector_size_t row) {
  switch (kind) {
    case PhysicalKind::kBool: return decoded.valueAt<bool>(row);
    case PhysicalKind::kInt8: return decoded.valueAt<int8_t>(row);
    case PhysicalKind::kInt16: return decoded.valueAt<int16_t>(row);
    case PhysicalKind::kInt32: return decoded.valueAt<int32_t>(row);
    default: return decoded.valueAt<int64_t>(row);
  }
}

uint8_t tagOf(uint64_t hash) {
  return static_cast<uint8_t>(0x80 | (hash >> 57));
}

} // namespace

std::string_view hashModeName(HashMode mode) {
  switch (mode) {
    case HashMode::kArray: return "ARRAY";
    case HashMode::kNormalizedKey: return "NORMALIZED_KEY";
    case HashMode::kHash: return "HASH";
  }
  return "UNKNOWN";
}

HashTable::HashTable(std::vector<TypePtr> keyTypes, std::vector<std::pair<int32_t, int32_t>> accumulators,
    int32_t extraBytes, MemoryPoolPtr pool)
    : integerKeys_(allIntegerKeys(keyTypes)), tableReservation_(pool, MemoryKind::kUser) {
  rows_ = std::make_unique<RowContainer>(std::move(keyTypes), std::move(accumulators), 8 + extraBytes, std::move(pool));
  ranges_.resize(static_cast<size_t>(rows_->numKeys()));
  seen_.resize(ranges_.size());
  multipliers_.assign(ranges_.size(), 1);
  for (size_t i = 0; i < ranges_.size(); ++i) {
    decoded_.push_back(std::make_unique<DecodedVector>());
  }
  if (integerKeys_) {
    mode_ = HashMode::kArray;
    arraySize_ = 1;
    table_.assign(1, nullptr);
    occupied_.assign(1, 0);
  } else {
    mode_ = HashMode::kHash;
    resizeTable(1024);
  }
}

void HashTable::batchRanges(vector_size_t numRows, std::vector<KeyRange>& ranges) const {
  ranges.assign(decoded_.size(), KeyRange{});
  for (size_t key = 0; key < decoded_.size(); ++key) {
    const auto& decoded = *decoded_[key];
    auto kind = rows_->keyKind(static_cast<int32_t>(key));
    int64_t min = std::numeric_limits<int64_t>::max();
    int64_t max = std::numeric_limits<int64_t>::min();
    for (vector_size_t row = 0; row < numRows; ++row) {
      if (!decoded.isNullAt(row)) {
        int64_t value = integerAt(decoded, kind, row);
        min = std::min(min, value);
        max = std::max(max, value);
      }
    }
    if (min <= max) {
      ranges[key] = KeyRange{min, max};
    }
  }
}

bool HashTable::computeValues(const std::vector<std::unique_ptr<DecodedVector>>& allDecoded, vector_size_t numRows,
    std::vector<uint64_t>& output) const {
  output.assign(static_cast<size_t>(numRows), 0);
  uint64_t* values = output.data();
  if (mode_ == HashMode::kHash) {
    for (size_t key = 0; key < allDecoded.size(); ++key) {
      const auto& decoded = *allDecoded[key];
      dispatchScalar(*rows_->keyTypes()[key], [&](auto tag) {
        using T = typename decltype(tag)::type;
        for (vector_size_t row = 0; row < numRows; ++row) {
          uint64_t hash = decoded.isNullAt(row) ? kNullHash : hashScalar(decoded.valueAt<T>(row));
          values[row] = key == 0 ? hash : combineHash(values[row], hash);
        }
      });
    }
    return true;
  }
  bool inRange = true;
  for (size_t key = 0; key < allDecoded.size(); ++key) {
    const auto& decoded = *allDecoded[key];
    auto kind = rows_->keyKind(static_cast<int32_t>(key));
    const KeyRange range = ranges_[key];
    const uint64_t multiplier = multipliers_[key];
    auto accumulate = [&](auto valueOf) {
      for (vector_size_t row = 0; row < numRows; ++row) {
        if (values[row] == kOutOfRange || decoded.isNullAt(row)) {
          continue;
        }
        int64_t value = valueOf(row);
        if (value < range.min || value > range.max) {
          values[row] = kOutOfRange;
          inRange = false;
          continue;
        }
        values[row] += (static_cast<uint64_t>(value - range.min) + 1) * multiplier;
      }
    };
    if (kind == PhysicalKind::kInt64 && !decoded.mayHaveNulls() && decoded.isIdentityMapping()) {
      const int64_t* raw = decoded.data<int64_t>();
      auto& self = values;
      for (vector_size_t row = 0; row < numRows; ++row) {
        int64_t value = raw[row];
        bool outside = value < range.min || value > range.max;
        inRange &= !outside;
        self[row] = (outside || self[row] == kOutOfRange)
            ? kOutOfRange
            : self[row] + (static_cast<uint64_t>(value - range.min) + 1) * multiplier;
      }
    } else {
      accumulate([&](vector_size_t row) { return integerAt(decoded, kind, row); });
    }
  }
  return inRange;
}

uint64_t HashTable::rowValue(const char* row) const {
  uint64_t result = 0;
  for (int32_t key = 0; key < rows_->numKeys(); ++key) {
    bool isNull = rows_->isNullKey(row, key);
    if (mode_ == HashMode::kHash) {
      uint64_t hash = kNullHash;
      if (!isNull) {
        switch (rows_->keyKind(key)) {
          case PhysicalKind::kString: hash = hashScalar(rows_->keyValue<StringView>(row, key)); break;
          case PhysicalKind::kInt128: hash = hashScalar(rows_->keyValue<int128_t>(row, key)); break;
          case PhysicalKind::kFloat:
          case PhysicalKind::kDouble: hash = hashScalar(rows_->keyValue<double>(row, key)); break;
          default: hash = hashScalar(rows_->keyValue<int64_t>(row, key)); break;
        }
      }
      result = key == 0 ? hash : combineHash(result, hash);
    } else if (!isNull) {
      int64_t value = rows_->keyValue<int64_t>(row, key);
      result += (static_cast<uint64_t>(value - ranges_[static_cast<size_t>(key)].min) + 1) *
          multipliers_[static_cast<size_t>(key)];
    }
  }
  return result;
}

void HashTable::rehashWithRanges(const std::vector<KeyRange>& batch, bool headroom, uint64_t maxArraySize) {
  for (size_t key = 0; key < seen_.size(); ++key) {
    if (batch[key].valid()) {
      seen_[key] = seen_[key].valid()
          ? KeyRange{std::min(seen_[key].min, batch[key].min), std::max(seen_[key].max, batch[key].max)}
          : batch[key];
    }
  }
  auto widen = [](KeyRange range, __int128 extra) {
    __int128 low = static_cast<__int128>(range.min) - extra;
    __int128 high = static_cast<__int128>(range.max) + extra;
    range.min = static_cast<int64_t>(std::max<__int128>(low, std::numeric_limits<int64_t>::min()));
    range.max = static_cast<int64_t>(std::min<__int128>(high, std::numeric_limits<int64_t>::max()));
    return range;
  };
  auto spanOf = [](const KeyRange& range) { return static_cast<__int128>(range.max) - range.min + 2; };
  std::vector<KeyRange> ranges(seen_.size());
  __int128 spans = 1;
  for (size_t key = 0; key < seen_.size(); ++key) {
    ranges[key] = seen_[key].valid() ? seen_[key] : KeyRange{0, 0};
    if (headroom) {
      ranges[key] = widen(ranges[key], std::max<__int128>(spanOf(ranges[key]), 1024) / 2);
    }
    spans = std::min<__int128>(spans * spanOf(ranges[key]), static_cast<__int128>(1) << 63);
  }
  if (headroom && spans > static_cast<__int128>(maxArraySize) && spans < (static_cast<__int128>(1) << 60)) {
    // Past a direct array, normalized keys only need to fit 62 bits: leave each key ample room so
    // that growing keys (an ordered input) do not re-map every row again and again.
    double room = std::pow(static_cast<double>((static_cast<__int128>(1) << 61) / spans), 1.0 / ranges.size());
    if (room >= 4) {
      for (auto& range : ranges) {
        range = widen(range, spanOf(range) * static_cast<__int128>(room / 2 - 1));
      }
    }
  }
  __int128 product = 1;
  for (size_t key = 0; key < seen_.size(); ++key) {
    KeyRange range = ranges[key];
    ranges_[key] = range;
    multipliers_[key] = product > (static_cast<__int128>(1) << 62) ? 0 : static_cast<uint64_t>(product);
    product *= static_cast<__int128>(range.max) - range.min + 2;
    if (product > (static_cast<__int128>(1) << 62)) {
      product = (static_cast<__int128>(1) << 62) + 1;
    }
  }
  keySpace_ = product <= (static_cast<__int128>(1) << 62) ? static_cast<uint64_t>(product) : 0;
  if (product <= static_cast<__int128>(maxArraySize)) {
    mode_ = HashMode::kArray;
    arraySize_ = static_cast<uint64_t>(product);
  } else if (product <= (static_cast<__int128>(1) << 62)) {
    mode_ = HashMode::kNormalizedKey;
  } else {
    mode_ = HashMode::kHash;
  }
  if (rows_->numRows() > 0) {
    ++numRehashes_;
  }
  numEntries_ = 0;
  if (mode_ == HashMode::kArray) {
    tags_.clear();
    table_.assign(arraySize_, nullptr);
    occupied_.assign((arraySize_ + 63) / 64, 0);
  } else {
    occupied_.clear();
    uint64_t capacity = 1024;
    while (capacity < static_cast<uint64_t>(rows_->numRows()) * 2) {
      capacity *= 2;
    }
    table_.assign(capacity, nullptr);
    tags_.assign(capacity, kEmptyTag);
    mask_ = capacity - 1;
  }
  for (char* row : rows_->rows()) {
    uint64_t value = rowValue(row);
    storedValue(row) = value;
    insertIntoTable(row, value);
  }
  reserveTableMemory();
}

void HashTable::resizeTable(uint64_t capacity) {
  std::vector<char*> oldTable;
  std::vector<uint8_t> oldTags;
  oldTable.swap(table_);
  oldTags.swap(tags_);
  table_.assign(capacity, nullptr);
  tags_.assign(capacity, kEmptyTag);
  mask_ = capacity - 1;
  numEntries_ = 0;
  const size_t distance = static_cast<size_t>(kPrefetchDistance);
  for (size_t i = 0; i < oldTable.size(); ++i) {
    if (i + distance < oldTags.size() && oldTags[i + distance] != kEmptyTag) {
      __builtin_prefetch(oldTable[i + distance] + rows_->extraOffset());
    }
    if (i < oldTags.size() && oldTags[i] != kEmptyTag) {
      insertIntoTable(oldTable[i], storedValue(oldTable[i]));
    }
  }
  reserveTableMemory();
}

void HashTable::insertIntoTable(char* row, uint64_t value) {
  if (mode_ == HashMode::kArray) {
    table_[value] = row;
    markOccupied(value);
    return;
  }
  if ((numEntries_ + 1) * 2 > table_.size()) {
    resizeTable(table_.size() * 2);
  }
  uint64_t hash = mode_ == HashMode::kNormalizedKey ? mixHash(value) : value;
  uint64_t position = homeSlot(value);
  while (tags_[position] != kEmptyTag) {
    position = (position + 1) & mask_;
  }
  tags_[position] = tagOf(hash);
  table_[position] = row;
  ++numEntries_;
}

bool HashTable::rowMatches(
    const char* row, vector_size_t index, const std::vector<std::unique_ptr<DecodedVector>>& decoded) const {
  for (int32_t key = 0; key < rows_->numKeys(); ++key) {
    if (!rows_->keyEquals(*decoded[static_cast<size_t>(key)], index, row, key)) {
      return false;
    }
  }
  return true;
}

char* HashTable::findInTable(
    uint64_t value, vector_size_t index, const std::vector<std::unique_ptr<DecodedVector>>& decoded) const {
  if (mode_ == HashMode::kArray) {
    return table_[value];
  }
  uint64_t hash = mode_ == HashMode::kNormalizedKey ? mixHash(value) : value;
  uint8_t tag = tagOf(hash);
  uint64_t position = homeSlot(value);
  for (;;) {
    uint8_t slotTag = tags_[position];
    if (slotTag == kEmptyTag) {
      return nullptr;
    }
    if (slotTag == tag) {
      char* row = table_[position];
      if (storedValue(row) == value && (mode_ == HashMode::kNormalizedKey || rowMatches(row, index, decoded))) {
        return row;
      }
    }
    position = (position + 1) & mask_;
  }
}

void HashTable::groupProbe(const std::vector<VectorPtr>& keys, vector_size_t numRows, std::vector<char*>& groups,
    std::vector<vector_size_t>& newGroups) {
  for (size_t i = 0; i < keys.size(); ++i) {
    decoded_[i]->decode(*keys[i]);
  }
  if (!computeProbeValues(keys, numRows)) {
    std::vector<KeyRange> batch;
    batchRanges(numRows, batch);
    rehashWithRanges(batch, true);
    bool inRange = computeProbeValues(keys, numRows);
    PRESTO_CHECK(inRange, "keys out of range after re-mapping");
  }
  groups.resize(static_cast<size_t>(numRows));
  for (vector_size_t index = 0; index < numRows; ++index) {
    if (index + kPrefetchDistance < numRows) {
      prefetchSlot(probeValues_[static_cast<size_t>(index + kPrefetchDistance)]);
    }
    uint64_t value = probeValues_[static_cast<size_t>(index)];
    char* row = findInTable(value, index);
    if (row == nullptr) {
      row = rows_->newRow();
      for (int32_t key = 0; key < rows_->numKeys(); ++key) {
        rows_->storeKey(*decoded_[static_cast<size_t>(key)], index, row, key);
      }
      storedValue(row) = value;
      insertIntoTable(row, value);
      newGroups.push_back(index);
    }
    groups[static_cast<size_t>(index)] = row;
  }
  reserveTableMemory();
}

void HashTable::joinProbe(const std::vector<VectorPtr>& keys, vector_size_t numRows, std::vector<char*>& hits,
    ProbeScratch& scratch) const {
  while (scratch.decoded.size() < keys.size()) {
    scratch.decoded.push_back(std::make_unique<DecodedVector>());
  }
  for (size_t i = 0; i < keys.size(); ++i) {
    scratch.decoded[i]->decode(*keys[i]);
  }
  computeValues(scratch.decoded, numRows, scratch.values);
  hits.assign(static_cast<size_t>(numRows), nullptr);
  const uint64_t* values = scratch.values.data();
  if (mode_ == HashMode::kArray) {
    // NULL keys never match: the build skips them and their normalized keys are apart from any
    // non-NULL key's.
    for (vector_size_t index = 0; index < numRows; ++index) {
      uint64_t value = values[index];
      if (value != kOutOfRange && isOccupied(value)) {
        hits[static_cast<size_t>(index)] = table_[value];
      }
    }
    return;
  }
  bool mayHaveNulls = false;
  for (const auto& decoded : scratch.decoded) {
    mayHaveNulls |= decoded->mayHaveNulls();
  }
  const bool filtered = mode_ == HashMode::kNormalizedKey && !occupied_.empty();
  for (vector_size_t index = 0; index < numRows; ++index) {
    if (index + kPrefetchDistance < numRows) {
      uint64_t ahead = values[index + kPrefetchDistance];
      if (!filtered || (ahead != kOutOfRange && isOccupied(ahead))) {
        prefetchSlot(ahead);
      }
    }
    uint64_t value = values[index];
    if (value == kOutOfRange && mode_ != HashMode::kHash) {
      continue;
    }
    if (filtered && !isOccupied(value)) {
      continue;
    }
    bool hasNull = false;
    if (mayHaveNulls) {
      for (size_t key = 0; key < keys.size(); ++key) {
        hasNull |= scratch.decoded[key]->isNullAt(index);
      }
    }
    if (!hasNull) {
      hits[static_cast<size_t>(index)] = findInTable(value, index, scratch.decoded);
    }
  }
}

void HashTable::prefetchSlot(uint64_t value) const {
  if (mode_ == HashMode::kArray) {
    if (value < table_.size()) {
      __builtin_prefetch(&table_[value]);
    }
    return;
  }
  uint64_t position = homeSlot(value);
  __builtin_prefetch(&tags_[position]);
  __builtin_prefetch(&table_[position]);
}

void HashTable::reserveTableMemory() {
  tableReservation_.resize(static_cast<int64_t>(table_.capacity() * sizeof(char*) + tags_.capacity()));
}

void HashTable::clear() {
  rows_->clear();
  table_.clear();
  table_.shrink_to_fit();
  tags_.clear();
  tags_.shrink_to_fit();
  numEntries_ = 0;
  tableReservation_.resize(0);
}

} // namespace presto::exec
