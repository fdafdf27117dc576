#pragma once

#include <string_view>
#include <vector>

#include "vector/Page.h"
#include "vector/serde/Compression.h"
#include "vector/serde/PageFormat.h"

namespace presto {

/// The fixed-size header that starts every serialized page.
struct SerializedPageHeader {
  int32_t numRows = 0;
  uint8_t markers = 0;
  int32_t uncompressedSize = 0;
  int32_t sizeInBytes = 0;
  uint64_t checksum = 0;

  /// Header plus payload.
  size_t totalSize() const { return page_format::kHeaderSize + static_cast<size_t>(sizeInBytes); }
  CompressionCodec codec() const;

  /// Parses and validates the header at the start of `bytes` (CORRUPT_PAGE if it is truncated or
  /// inconsistent). Does not look at the payload.
  static SerializedPageHeader parse(std::string_view bytes);
};

/// Reads pages of a known schema from the wire format of docs/dev/page-format.md. Input is
/// untrusted: truncated, corrupt or hostile bytes raise CORRUPT_PAGE (SERIALIZED_PAGE_CHECKSUM_ERROR
/// when the checksum does not match), never crash, never read out of bounds, and never allocate
/// more than the input justifies. Blocks are checked against the expected column types.
///
/// A deserializer keeps scratch buffers and a decompression context: use one per thread.
class PageDeserializer {
 public:
  /// `maxPayloadBytes` bounds the uncompressed payload of one page.
  explicit PageDeserializer(std::vector<TypePtr> types, int64_t maxPayloadBytes = page_format::kMaxPayloadBytes);

  PageDeserializer(const PageDeserializer&) = delete;
  PageDeserializer& operator=(const PageDeserializer&) = delete;

  /// Reads one page that fills `bytes` exactly.
  Page deserialize(std::string_view bytes);

  /// Reads the page at the front of `input` and advances `input` past it (pages back to back).
  Page readNext(std::string_view& input);

  const std::vector<TypePtr>& types() const { return types_; }

 private:
  Page readPayload(const SerializedPageHeader& header, std::string_view payload);

  const std::vector<TypePtr> types_;
  const int64_t maxPayloadBytes_;
  std::string decompressed_;
  Decompressor decompressor_;
};

} // namespace presto
