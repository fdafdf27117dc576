#include "vector/serde/PageSerializer.h"

#include "common/Check.h"
#include "vector/serde/BlockWriter.h"
#include "vector/serde/ByteWriter.h"
#include "vector/serde/PageChecksum.h"
#include "vector/serde/PageFormat.h"

namespace presto {

std::string PageSerializer::serialize(const Page& page, CompressionCodec codec) {
  std::string out;
  serialize(page, codec, out);
  return out;
}

void PageSerializer::serialize(const Page& page, CompressionCodec codec, std::string& out) {
  payload_.clear();
  ByteWriter payloadWriter(payload_);
  payloadWriter.write<int32_t>(static_cast<int32_t>(page.numColumns()));
  for (const auto& column : page.columns()) {
    writeBlock(*column, page.numRows(), payloadWriter);
  }
  PRESTO_CHECK(static_cast<int64_t>(payload_.size()) <= page_format::kMaxPayloadBytes,
      "serialized page of {} bytes exceeds the limit of {}", payload_.size(), page_format::kMaxPayloadBytes);

  uint8_t markers = 0;
  std::string_view wirePayload = payload_;
  if (codec != CompressionCodec::kNone && !payload_.empty()) {
    compressor_.compress(codec, payload_, compressed_);
    if (static_cast<double>(compressed_.size()) <=
        page_format::kMinimumCompressionRatio * static_cast<double>(payload_.size())) {
      wirePayload = compressed_;
      markers |= page_format::kCompressed;
      if (codec == CompressionCodec::kZstd) {
        markers |= page_format::kZstd;
      }
    }
  }
  if (checksum_) {
    markers |= page_format::kChecksummed;
  }

  size_t headerStart = out.size();
  out.reserve(headerStart + page_format::kHeaderSize + wirePayload.size());
  ByteWriter writer(out);
  writer.write<int32_t>(page.numRows());
  writer.write<uint8_t>(markers);
  writer.write<int32_t>(static_cast<int32_t>(payload_.size()));
  writer.write<int32_t>(static_cast<int32_t>(wirePayload.size()));
  uint64_t checksum = 0;
  if (checksum_) {
    checksum = pageChecksum(std::string_view(out).substr(headerStart, page_format::kChecksumOffset), wirePayload);
  }
  writer.write<uint64_t>(checksum);
  writer.append(wirePayload.data(), wirePayload.size());
}

} // namespace presto
