#pragma once

#include <string>

#include "vector/Page.h"
#include "vector/serde/Compression.h"

namespace presto {

/// Turns pages into the binary wire format of docs/dev/page-format.md: the same bytes for
/// shuffles, spill files and result caches. Every vector encoding and type is written as is (lazy
/// vectors are loaded first). The payload is compressed with the codec of each call and kept
/// compressed only when that saves at least 20%; a checksum covers header and payload.
///
/// A serializer keeps scratch buffers and a compression context between calls: use one per thread.
class PageSerializer {
 public:
  /// Whether pages carry a checksum (on by default; readers verify it when present).
  explicit PageSerializer(bool checksum = true) : checksum_(checksum) {}

  PageSerializer(const PageSerializer&) = delete;
  PageSerializer& operator=(const PageSerializer&) = delete;

  /// Returns the serialized page.
  std::string serialize(const Page& page, CompressionCodec codec = CompressionCodec::kNone);

  /// Appends the serialized page to `out`, so that several pages can go back to back in one
  /// buffer (as in an exchange response).
  void serialize(const Page& page, CompressionCodec codec, std::string& out);

 private:
  const bool checksum_;
  std::string payload_;
  std::string compressed_;
  Compressor compressor_;
};

} // namespace presto
