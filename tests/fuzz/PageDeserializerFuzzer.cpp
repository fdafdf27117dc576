// libFuzzer target for the page reader. An input is:
//   uint16 signatureLength | type signature `row(<column types>)` | uint8 flags | serialized page
// Flag 1 rewrites the checksum (when the page claims one and its payload is complete) so that
// mutations reach the decompressors and the block parser instead of stopping at the checksum.
// `vector_serde_test --gtest_filter=FuzzerSeedTest.*` with PRESTO_PAGE_FUZZER_SEEDS=DIR writes seeds.
//
// The reader must either return a page or raise CORRUPT_PAGE / SERIALIZED_PAGE_CHECKSUM_ERROR.
// A page it returns must be safe to read, and serializing it must give bytes that read back and
// serialize to the same bytes again.

#include <cstdlib>
#include <cstring>
#include <string>

#include "common/PrestoException.h"
#include "type/TypeSignature.h"
#include "vector/ComplexVector.h"
#include "vector/VectorValues.h"
#include "vector/serde/PageChecksum.h"
#include "vector/serde/PageDeserializer.h"
#include "vector/serde/PageSerializer.h"

namespace presto {
namespace {

// Small enough that the largest legitimate expansion (all-NULL 16-byte values) stays well inside
// the fuzzer's memory limit.
constexpr int64_t kMaxPayloadBytes = 1 << 20;
// Values visited per page; huge RLE pages and arrays are legal, so reading is bounded.
constexpr int64_t kVisitBudget = 20000;

void fixChecksum(std::string& page) {
  if (page.size() < page_format::kHeaderSize || !(page[4] & page_format::kChecksummed)) {
    return;
  }
  int32_t sizeInBytes;
  std::memcpy(&sizeInBytes, page.data() + 9, sizeof(sizeInBytes));
  if (sizeInBytes < 0 || static_cast<size_t>(sizeInBytes) > page.size() - page_format::kHeaderSize) {
    return;
  }
  std::string_view bytes = page;
  uint64_t checksum = pageChecksum(bytes.substr(0, page_format::kChecksumOffset),
      bytes.substr(page_format::kHeaderSize, static_cast<size_t>(sizeInBytes)));
  std::memcpy(page.data() + page_format::kChecksumOffset, &checksum, sizeof(checksum));
}

// Reads row `row` of `vector` and everything nested in it, within a budget of values.
void visit(const BaseVector& vector, vector_size_t row, int64_t& budget) {
  if (--budget < 0 || vector.isNullAt(row)) {
    return;
  }
  const BaseVector& base = *vector.wrappedVector();
  vector_size_t index = vector.wrappedIndex(row);
  switch (base.encoding()) {
    case VectorEncoding::kArray: {
      const auto* array = base.as<ArrayVector>();
      for (vector_size_t i = 0; i < array->sizeAt(index) && budget > 0; ++i) {
        visit(*array->elements(), array->offsetAt(index) + i, budget);
      }
      return;
    }
    case VectorEncoding::kMap: {
      const auto* map = base.as<MapVector>();
      for (vector_size_t i = 0; i < map->sizeAt(index) && budget > 0; ++i) {
        visit(*map->mapKeys(), map->offsetAt(index) + i, budget);
        visit(*map->mapValues(), map->offsetAt(index) + i, budget);
      }
      return;
    }
    case VectorEncoding::kRow:
      for (const auto& child : base.as<RowVector>()->children()) {
        visit(*child, index, budget);
      }
      return;
    default: {
      Value value = valueAt(base, index);
      if (value.isNull()) {
        std::abort();  // the row's null bit said otherwise
      }
    }
  }
}

void checkPage(const Page& page, PageDeserializer& deserializer) {
  int64_t budget = kVisitBudget;
  for (const auto& column : page.columns()) {
    for (vector_size_t row = 0; row < page.numRows() && budget > 0; ++row) {
      visit(*column, row, budget);
    }
  }
  PageSerializer serializer;
  std::string first = serializer.serialize(page, CompressionCodec::kNone);
  std::string second;
  try {
    second = serializer.serialize(deserializer.deserialize(first), CompressionCodec::kNone);
  } catch (const PrestoException&) {
    std::abort();  // what we wrote does not read back
  }
  if (first != second) {
    std::abort();  // serialization is not canonical, or a page did not read back as written
  }
}

} // namespace
} // namespace presto

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace presto;
  if (size < 3) {
    return 0;
  }
  uint16_t signatureLength;
  std::memcpy(&signatureLength, data, sizeof(signatureLength));
  if (size < 3u + signatureLength) {
    return 0;
  }
  std::string_view signature(reinterpret_cast<const char*>(data) + 2, signatureLength);
  uint8_t flags = data[2 + signatureLength];
  std::string page(reinterpret_cast<const char*>(data) + 3 + signatureLength, size - 3 - signatureLength);

  std::vector<TypePtr> types;
  try {
    TypePtr rowType = parseTypeSignature(signature);
    if (rowType->kind() != TypeKind::kRow) {
      return 0;
    }
    types = rowType->children();
  } catch (const PrestoException&) {
    return 0;
  }
  if (flags & 1) {
    fixChecksum(page);
  }
  PageDeserializer deserializer(types, kMaxPayloadBytes);
  try {
    Page result = deserializer.deserialize(page);
    checkPage(result, deserializer);
  } catch (const PrestoException& error) {
    const auto& code = error.errorCode();
    if (code != errors::CORRUPT_PAGE && code != errors::SERIALIZED_PAGE_CHECKSUM_ERROR) {
      std::abort();
    }
  }
  return 0;
}
