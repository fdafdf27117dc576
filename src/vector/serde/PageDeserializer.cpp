#include "vector/serde/PageDeserializer.h"

#include "common/Check.h"
#include "vector/serde/BlockReader.h"
#include "vector/serde/ByteReader.h"
#include "vector/serde/PageChecksum.h"

namespace presto {

CompressionCodec SerializedPageHeader::codec() const {
  if (!(markers & page_format::kCompressed)) {
    return CompressionCodec::kNone;
  }
  return (markers & page_format::kZstd) ? CompressionCodec::kZstd : CompressionCodec::kLz4;
}

SerializedPageHeader SerializedPageHeader::parse(std::string_view bytes) {
  ByteReader in(bytes);
  in.require(page_format::kHeaderSize, "page header");
  SerializedPageHeader header;
  header.numRows = in.readCount("page position count");
  header.markers = in.read<uint8_t>("page markers");
  header.uncompressedSize = in.readCount("page uncompressed size");
  header.sizeInBytes = in.readCount("page size");
  header.checksum = in.read<uint64_t>("page checksum");
  uint8_t markers = header.markers;
  PRESTO_USER_CHECK((markers & ~page_format::kKnownMarkers) == 0, errors::CORRUPT_PAGE,
      "Corrupt page: unknown marker bits {:#x}", markers);
  PRESTO_USER_CHECK(!(markers & page_format::kEncrypted), errors::CORRUPT_PAGE,
      "Corrupt page: encrypted pages are not supported");
  PRESTO_USER_CHECK(!(markers & page_format::kZstd) || (markers & page_format::kCompressed), errors::CORRUPT_PAGE,
      "Corrupt page: codec marker without the compressed marker");
  PRESTO_USER_CHECK((markers & page_format::kCompressed) || header.uncompressedSize == header.sizeInBytes,
      errors::CORRUPT_PAGE, "Corrupt page: uncompressed page of {} bytes claims {} uncompressed bytes",
      header.sizeInBytes, header.uncompressedSize);
  PRESTO_USER_CHECK((markers & page_format::kChecksummed) || header.checksum == 0, errors::CORRUPT_PAGE,
      "Corrupt page: checksum present without the checksum marker");
  in.require(static_cast<uint64_t>(header.sizeInBytes), "page payload");
  return header;
}

PageDeserializer::PageDeserializer(std::vector<TypePtr> types, int64_t maxPayloadBytes)
    : types_(std::move(types)), maxPayloadBytes_(maxPayloadBytes) {
  for (const auto& type : types_) {
    PRESTO_CHECK(type != nullptr, "page deserializer given a null column type");
  }
}

Page PageDeserializer::deserialize(std::string_view bytes) {
  std::string_view input = bytes;
  Page page = readNext(input);
  PRESTO_USER_CHECK(input.empty(), errors::CORRUPT_PAGE, "Corrupt page: {} bytes after the end of the page",
      input.size());
  return page;
}

Page PageDeserializer::readNext(std::string_view& input) {
  auto header = SerializedPageHeader::parse(input);
  std::string_view payload = input.substr(page_format::kHeaderSize, static_cast<size_t>(header.sizeInBytes));
  if (header.markers & page_format::kChecksummed) {
    uint64_t actual = pageChecksum(input.substr(0, page_format::kChecksumOffset), payload);
    PRESTO_USER_CHECK(actual == header.checksum, errors::SERIALIZED_PAGE_CHECKSUM_ERROR,
        "Serialized page checksum mismatch: expected {:#018x}, computed {:#018x}", header.checksum, actual);
  }
  PRESTO_USER_CHECK(header.uncompressedSize <= maxPayloadBytes_, errors::CORRUPT_PAGE,
      "Corrupt page: uncompressed size {} exceeds the limit of {}", header.uncompressedSize, maxPayloadBytes_);
  Page page = readPayload(header, payload);
  input.remove_prefix(header.totalSize());
  return page;
}

Page PageDeserializer::readPayload(const SerializedPageHeader& header, std::string_view payload) {
  CompressionCodec codec = header.codec();
  if (codec != CompressionCodec::kNone) {
    auto size = static_cast<size_t>(header.uncompressedSize);
    decompressor_.checkPlausible(codec, payload, size);
    decompressed_.resize(size);
    decompressor_.decompress(codec, payload, decompressed_.data(), size);
    payload = decompressed_;
  }
  ByteReader in(payload);
  int32_t numColumns = in.readCount("column count");
  PRESTO_USER_CHECK(static_cast<size_t>(numColumns) == types_.size(), errors::CORRUPT_PAGE,
      "Corrupt page: {} columns where {} are expected", numColumns, types_.size());
  std::vector<VectorPtr> columns;
  columns.reserve(types_.size());
  for (const auto& type : types_) {
    columns.push_back(readBlock(type, header.numRows, in));
  }
  PRESTO_USER_CHECK(in.remaining() == 0, errors::CORRUPT_PAGE, "Corrupt page: {} bytes after the last column",
      in.remaining());
  return Page(header.numRows, std::move(columns));
}

} // namespace presto
