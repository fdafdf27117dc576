#include <gtest/gtest.h>

#include "common/PrestoException.h"
#include "vector/VectorValues.h"
#include "vector/serde/ByteWriter.h"
#include "vector/serde/PageChecksum.h"
#include "vector/serde/PageDeserializer.h"
#include "vector/serde/PageFormat.h"
#include "vector/serde/PageSerializer.h"

namespace presto::test {
namespace {

// Frames a payload as a page: header with the given fields and a valid checksum. Lets tests
// hand-craft pages that only the checks behind the checksum can reject. An `uncompressedSize` of
// -1 means the payload's size.
std::string framePage(int32_t numRows, const std::string& payload,
    uint8_t markers = page_format::kChecksummed, int32_t uncompressedSize = -1) {
  std::string page(page_format::kHeaderSize, '\0');
  auto size = static_cast<int32_t>(payload.size());
  if (uncompressedSize < 0) {
    uncompressedSize = size;
  }
  std::memcpy(page.data(), &numRows, 4);
  std::memcpy(page.data() + 4, &markers, 1);
  std::memcpy(page.data() + 5, &uncompressedSize, 4);
  std::memcpy(page.data() + 9, &size, 4);
  uint64_t checksum = (markers & page_format::kChecksummed)
      ? pageChecksum(std::string_view(page).substr(0, page_format::kChecksumOffset), payload)
      : 0;
  std::memcpy(page.data() + page_format::kChecksumOffset, &checksum, 8);
  return page + payload;
}

// Runs `action` and returns the name of the error code it raised ("" if none).
template <typename Action>
std::string errorOf(Action&& action) {
  try {
    action();
  } catch (const PrestoException& error) {
    return std::string(error.errorCode().name);
  }
  return "";
}

const std::string kCorrupt = "CORRUPT_PAGE";
const std::string kChecksum = "SERIALIZED_PAGE_CHECKSUM_ERROR";

const std::vector<TypePtr>& smallTypes() {
  static const std::vector<TypePtr> types = {BIGINT(), VARCHAR(), ARRAY(INTEGER()), BOOLEAN()};
  return types;
}

Page smallPage() {
  const auto& types = smallTypes();
  return Page(4, {
      vectorFromValues(types[0], {Value(int64_t{1}), Value(), Value(int64_t{-3}), Value(int64_t{4})}),
      vectorFromValues(types[1], {Value("a"), Value("a string longer than inline"), Value(), Value("")}),
      vectorFromValues(types[2], {Value::array({Value(int64_t{1}), Value()}), Value(), Value::array({}),
                                     Value::array({Value(int64_t{9})})}),
      makeConstant(types[3], Value(true), 4),
  });
}

std::string serializeSmallPage(CompressionCodec codec, bool checksum = true) {
  PageSerializer serializer(checksum);
  if (codec == CompressionCodec::kNone) {
    return serializer.serialize(smallPage(), codec);
  }
  // Repeated values, so that LZ4 and ZSTD keep their compression.
  std::vector<Value> numbers(64, Value(int64_t{5}));
  return serializer.serialize(Page(64, {vectorFromValues(BIGINT(), numbers)}), codec);
}

std::string readError(const std::string& bytes, const std::vector<TypePtr>& types) {
  return errorOf([&] { PageDeserializer(types).deserialize(bytes); });
}

const std::vector<TypePtr>& typesFor(CompressionCodec codec) {
  static const std::vector<TypePtr> bigint = {BIGINT()};
  return codec == CompressionCodec::kNone ? smallTypes() : bigint;
}

// Payload bytes for hand-crafted pages.
class PayloadBuilder {
 public:
  PayloadBuilder& int32(int32_t value) {
    writer_.write<int32_t>(value);
    return *this;
  }
  PayloadBuilder& byte(uint8_t value) {
    writer_.write<uint8_t>(value);
    return *this;
  }
  PayloadBuilder& name(std::string_view name) {
    writer_.write<int32_t>(static_cast<int32_t>(name.size()));
    writer_.append(name.data(), name.size());
    return *this;
  }
  PayloadBuilder& int64(int64_t value) {
    writer_.write<int64_t>(value);
    return *this;
  }
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
  ByteWriter writer_{bytes_};
};

TEST(CorruptPageTest, validPagesRead) {
  for (auto codec : {CompressionCodec::kNone, CompressionCodec::kLz4, CompressionCodec::kZstd}) {
    EXPECT_EQ(readError(serializeSmallPage(codec), typesFor(codec)), "");
  }
}

TEST(CorruptPageTest, truncationAtEveryByte) {
  for (auto codec : {CompressionCodec::kNone, CompressionCodec::kLz4, CompressionCodec::kZstd}) {
    std::string bytes = serializeSmallPage(codec);
    for (size_t length = 0; length < bytes.size(); ++length) {
      ASSERT_EQ(readError(bytes.substr(0, length), typesFor(codec)), kCorrupt) << "length " << length;
    }
    EXPECT_EQ(readError(bytes + '\0', typesFor(codec)), kCorrupt);
  }
}

TEST(CorruptPageTest, truncatedPayloadBehindAValidHeader) {
  std::string payload = serializeSmallPage(CompressionCodec::kNone).substr(page_format::kHeaderSize);
  for (size_t length = 0; length < payload.size(); ++length) {
    ASSERT_EQ(readError(framePage(4, payload.substr(0, length)), smallTypes()), kCorrupt) << "length " << length;
  }
  EXPECT_EQ(readError(framePage(4, payload + '\0'), smallTypes()), kCorrupt);
  EXPECT_EQ(readError(framePage(4, payload), smallTypes()), "");
}

TEST(CorruptPageTest, everyBitFlipIsDetected) {
  for (auto codec : {CompressionCodec::kNone, CompressionCodec::kLz4, CompressionCodec::kZstd}) {
    std::string bytes = serializeSmallPage(codec);
    for (size_t bit = 0; bit < bytes.size() * 8; ++bit) {
      std::string flipped = bytes;
      flipped[bit / 8] = static_cast<char>(flipped[bit / 8] ^ (1 << (bit % 8)));
      std::string error = readError(flipped, typesFor(codec));
      ASSERT_TRUE(error == kChecksum || error == kCorrupt) << "bit " << bit << ": '" << error << "'";
    }
  }
}

TEST(CorruptPageTest, bitFlipsBehindAValidChecksumNeverCrash) {
  // The checksum cannot help here: the parser alone must reject or accept every variant safely.
  std::string payload = serializeSmallPage(CompressionCodec::kNone).substr(page_format::kHeaderSize);
  int rejected = 0;
  for (size_t bit = 0; bit < payload.size() * 8; ++bit) {
    std::string flipped = payload;
    flipped[bit / 8] = static_cast<char>(flipped[bit / 8] ^ (1 << (bit % 8)));
    std::string error = readError(framePage(4, flipped), smallTypes());
    ASSERT_TRUE(error.empty() || error == kCorrupt) << "bit " << bit << ": " << error;
    rejected += error == kCorrupt;
  }
  EXPECT_GT(rejected, 0);
  for (auto codec : {CompressionCodec::kLz4, CompressionCodec::kZstd}) {
    std::string bytes = serializeSmallPage(codec, false);
    for (size_t bit = 0; bit < bytes.size() * 8; ++bit) {
      std::string flipped = bytes;
      flipped[bit / 8] = static_cast<char>(flipped[bit / 8] ^ (1 << (bit % 8)));
      std::string error = readError(flipped, typesFor(codec));
      // Flipping the checksum marker on makes the reader verify a checksum of zero.
      bool checksumMarker = bit == 4 * 8 + 2;
      ASSERT_TRUE(error.empty() || error == (checksumMarker ? kChecksum : kCorrupt)) << "bit " << bit << ": " << error;
    }
  }
}

TEST(CorruptPageTest, wrongTypes) {
  std::string bytes = serializeSmallPage(CompressionCodec::kNone);
  auto withColumn = [](size_t index, TypePtr type) {
    auto types = smallTypes();
    types[index] = std::move(type);
    return types;
  };
  EXPECT_EQ(readError(bytes, withColumn(0, VARCHAR())), kCorrupt);
  EXPECT_EQ(readError(bytes, withColumn(0, INTEGER())), kCorrupt);
  EXPECT_EQ(readError(bytes, withColumn(0, DECIMAL(30, 2))), kCorrupt);
  EXPECT_EQ(readError(bytes, withColumn(1, ARRAY(VARCHAR()))), kCorrupt);
  EXPECT_EQ(readError(bytes, withColumn(2, MAP(INTEGER(), INTEGER()))), kCorrupt);
  EXPECT_EQ(readError(bytes, withColumn(2, ARRAY(BIGINT()))), kCorrupt);
  EXPECT_EQ(readError(bytes, withColumn(2, ROW({INTEGER()}))), kCorrupt);
  EXPECT_EQ(readError(bytes, withColumn(3, UNKNOWN())), kCorrupt);
  EXPECT_EQ(readError(bytes, {BIGINT(), VARCHAR(), ARRAY(INTEGER())}), kCorrupt);
  EXPECT_EQ(readError(bytes, {}), kCorrupt);
  // Types with the same layout cannot be told apart: the receiver's schema decides.
  EXPECT_EQ(readError(bytes, withColumn(0, DOUBLE())), "");

  std::string rowBytes = PageSerializer().serialize(
      Page(1, {vectorFromValues(ROW({BIGINT(), BIGINT()}), {Value::row({Value(int64_t{1}), Value(int64_t{2})})})}));
  EXPECT_EQ(readError(rowBytes, {ROW({BIGINT(), BIGINT()})}), "");
  EXPECT_EQ(readError(rowBytes, {ROW({BIGINT(), BIGINT(), BIGINT()})}), kCorrupt);
  EXPECT_EQ(readError(rowBytes, {ROW({BIGINT()})}), kCorrupt);
}

TEST(CorruptPageTest, lyingLengthsFailBeforeAllocating) {
  auto read = [](int32_t numRows, const PayloadBuilder& payload, const TypePtr& type) {
    return readError(framePage(numRows, payload.bytes()), {type});
  };
  // A huge position count with nothing behind it.
  EXPECT_EQ(read(INT32_MAX, PayloadBuilder().int32(1).name("LONG_ARRAY").int32(INT32_MAX).byte(0), BIGINT()),
      kCorrupt);
  EXPECT_EQ(read(INT32_MAX, PayloadBuilder().int32(1).name("ARRAY").int32(INT32_MAX).byte(0), ARRAY(BIGINT())),
      kCorrupt);
  // Position count differing from the page's.
  EXPECT_EQ(read(2, PayloadBuilder().int32(1).name("LONG_ARRAY").int32(1).byte(0).int64(5), BIGINT()), kCorrupt);
  // Negative counts.
  EXPECT_EQ(read(1, PayloadBuilder().int32(-1), BIGINT()), kCorrupt);
  EXPECT_EQ(read(-1, PayloadBuilder().int32(1).name("LONG_ARRAY").int32(-1).byte(0), BIGINT()), kCorrupt);
  // A string length past the end.
  EXPECT_EQ(read(1, PayloadBuilder().int32(1).name("VARIABLE_WIDTH").int32(1).byte(0).int32(INT32_MAX).int32(
                        INT32_MAX), VARCHAR()),
      kCorrupt);
  // String offsets going backwards.
  EXPECT_EQ(read(2, PayloadBuilder().int32(1).name("VARIABLE_WIDTH").int32(2).byte(0).int32(2).int32(1).int32(1).byte(
                        'a'), VARCHAR()),
      kCorrupt);
  // Array offsets claiming more elements than follow, and offsets going backwards.
  EXPECT_EQ(read(1, PayloadBuilder().int32(1).name("ARRAY").int32(1).byte(0).int32(0).int32(INT32_MAX).name(
                        "LONG_ARRAY").int32(INT32_MAX).byte(0), ARRAY(BIGINT())),
      kCorrupt);
  EXPECT_EQ(read(2, PayloadBuilder().int32(1).name("ARRAY").int32(2).byte(0).int32(0).int32(1).int32(0).name(
                        "LONG_ARRAY").int32(0).byte(0), ARRAY(BIGINT())),
      kCorrupt);
  // Encoding names: too long, unknown, wrong for the type.
  EXPECT_EQ(read(0, PayloadBuilder().int32(1).int32(INT32_MAX), BIGINT()), kCorrupt);
  EXPECT_EQ(read(0, PayloadBuilder().int32(1).name("LONG_ARRAYS").int32(0).byte(0), BIGINT()), kCorrupt);
  EXPECT_EQ(read(0, PayloadBuilder().int32(1).name("INT_ARRAY").int32(0).byte(0), BIGINT()), kCorrupt);
  // Too many or too few columns.
  EXPECT_EQ(read(0, PayloadBuilder().int32(INT32_MAX), BIGINT()), kCorrupt);
  EXPECT_EQ(read(0, PayloadBuilder().int32(0), BIGINT()), kCorrupt);
}

TEST(CorruptPageTest, invalidValues) {
  auto read = [](int32_t numRows, const PayloadBuilder& payload, const TypePtr& type) {
    return readError(framePage(numRows, payload.bytes()), {type});
  };
  EXPECT_EQ(read(1, PayloadBuilder().int32(1).name("BYTE_ARRAY").int32(1).byte(0).byte(1), BOOLEAN()), "");
  EXPECT_EQ(read(1, PayloadBuilder().int32(1).name("BYTE_ARRAY").int32(1).byte(0).byte(2), BOOLEAN()), kCorrupt);
  // Null flag other than 0 or 1; null bits past the last position.
  EXPECT_EQ(read(1, PayloadBuilder().int32(1).name("BYTE_ARRAY").int32(1).byte(2).byte(1), TINYINT()), kCorrupt);
  EXPECT_EQ(read(1, PayloadBuilder().int32(1).name("BYTE_ARRAY").int32(1).byte(1).byte(3), TINYINT()), kCorrupt);
  EXPECT_EQ(read(1, PayloadBuilder().int32(1).name("BYTE_ARRAY").int32(1).byte(1).byte(1), TINYINT()), "");
  // A NULL array with elements.
  EXPECT_EQ(read(1, PayloadBuilder().int32(1).name("ARRAY").int32(1).byte(1).byte(1).int32(0).int32(1).name(
                        "BYTE_ARRAY").int32(1).byte(0).byte(7), ARRAY(TINYINT())),
      kCorrupt);
  // An unknown-typed block with a value.
  EXPECT_EQ(read(1, PayloadBuilder().int32(1).name("BYTE_ARRAY").int32(1).byte(0).byte(0), UNKNOWN()), kCorrupt);
  // Dictionary ids out of range, and a non-NULL row over an empty dictionary.
  auto dictionary = [](int32_t id, int32_t dictionarySize) {
    PayloadBuilder payload;
    payload.int32(1).name("DICTIONARY").int32(1).byte(0).name("LONG_ARRAY").int32(dictionarySize).byte(0);
    for (int32_t i = 0; i < dictionarySize; ++i) {
      payload.int64(i);
    }
    payload.int32(id);
    return payload;
  };
  EXPECT_EQ(read(1, dictionary(1, 2), BIGINT()), "");
  EXPECT_EQ(read(1, dictionary(2, 2), BIGINT()), kCorrupt);
  EXPECT_EQ(read(1, dictionary(-1, 2), BIGINT()), kCorrupt);
  EXPECT_EQ(read(1, dictionary(0, 0), BIGINT()), kCorrupt);
  // RLE must hold exactly one row.
  EXPECT_EQ(read(5, PayloadBuilder().int32(1).name("RLE").int32(5).name("LONG_ARRAY").int32(2).byte(0).int64(1).int64(
                        2), BIGINT()),
      kCorrupt);
}

TEST(CorruptPageTest, nestingDepthIsBounded) {
  PayloadBuilder payload;
  payload.int32(1);
  for (int i = 0; i < 10000; ++i) {
    payload.name("RLE").int32(1);
  }
  payload.name("LONG_ARRAY").int32(1).byte(0).int64(1);
  EXPECT_EQ(readError(framePage(1, payload.bytes()), {BIGINT()}), kCorrupt);

  PayloadBuilder shallow;
  shallow.int32(1);
  for (int i = 0; i < 10; ++i) {
    shallow.name("RLE").int32(1);
  }
  shallow.name("LONG_ARRAY").int32(1).byte(0).int64(1);
  EXPECT_EQ(readError(framePage(1, shallow.bytes()), {BIGINT()}), "");
}

TEST(CorruptPageTest, headerChecks) {
  std::string payload = PayloadBuilder().int32(1).name("LONG_ARRAY").int32(1).byte(0).int64(42).bytes();
  EXPECT_EQ(readError(framePage(1, payload), {BIGINT()}), "");
  EXPECT_EQ(readError(framePage(1, payload, 0), {BIGINT()}), "");
  EXPECT_EQ(readError(framePage(1, payload, page_format::kChecksummed | 0x40), {BIGINT()}), kCorrupt);
  EXPECT_EQ(readError(framePage(1, payload, page_format::kChecksummed | page_format::kEncrypted), {BIGINT()}),
      kCorrupt);
  EXPECT_EQ(readError(framePage(1, payload, page_format::kChecksummed | page_format::kZstd), {BIGINT()}), kCorrupt);
  // Uncompressed pages must have equal sizes; a checksum without the marker is corruption.
  EXPECT_EQ(readError(framePage(1, payload, page_format::kChecksummed, 99), {BIGINT()}), kCorrupt);
  std::string withStrayChecksum = framePage(1, payload, 0);
  withStrayChecksum[page_format::kChecksumOffset] = 1;
  EXPECT_EQ(readError(withStrayChecksum, {BIGINT()}), kCorrupt);
  // Compressed pages claiming absurd uncompressed sizes fail before anything is allocated.
  uint8_t lz4 = page_format::kChecksummed | page_format::kCompressed;
  uint8_t zstd = lz4 | page_format::kZstd;
  EXPECT_EQ(readError(framePage(1, payload, lz4, INT32_MAX), {BIGINT()}), kCorrupt);
  EXPECT_EQ(readError(framePage(1, payload, lz4, 1 << 20), {BIGINT()}), kCorrupt);
  EXPECT_EQ(readError(framePage(1, payload, zstd, 100), {BIGINT()}), kCorrupt);
  // A genuine ZSTD page whose header lies about the uncompressed size.
  std::vector<Value> numbers(64, Value(int64_t{5}));
  std::string good = PageSerializer().serialize(
      Page(64, {vectorFromValues(BIGINT(), numbers)}), CompressionCodec::kZstd);
  auto header = SerializedPageHeader::parse(good);
  std::string frame = good.substr(page_format::kHeaderSize);
  EXPECT_EQ(readError(framePage(64, frame, zstd, header.uncompressedSize), {BIGINT()}), "");
  EXPECT_EQ(readError(framePage(64, frame, zstd, header.uncompressedSize + 1), {BIGINT()}), kCorrupt);
  EXPECT_EQ(readError(framePage(64, frame, lz4, header.uncompressedSize), {BIGINT()}), kCorrupt);
  // The reader's payload limit.
  EXPECT_EQ(errorOf([&] { PageDeserializer({BIGINT()}, 16).deserialize(framePage(1, payload)); }), kCorrupt);
}

} // namespace
} // namespace presto::test
