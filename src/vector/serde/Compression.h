#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

struct ZSTD_CCtx_s;
struct ZSTD_DCtx_s;

namespace presto {

/// How a serialized page's payload is compressed.
enum class CompressionCodec : uint8_t { kNone, kLz4, kZstd };

/// "NONE", "LZ4" or "ZSTD".
std::string_view codecName(CompressionCodec codec);

/// Compresses page payloads. Keeps a ZSTD context between calls, so use one per thread.
class Compressor {
 public:
  /// ZSTD level used for pages: level 1 favours throughput, as shuffles are CPU-bound.
  static constexpr int kZstdLevel = 1;

  Compressor();
  ~Compressor();
  Compressor(const Compressor&) = delete;
  Compressor& operator=(const Compressor&) = delete;

  /// Replaces `out` with `input` compressed by `codec`.
  /// REQUIRES: codec is not kNone.
  void compress(CompressionCodec codec, std::string_view input, std::string& out);

 private:
  std::unique_ptr<ZSTD_CCtx_s, size_t (*)(ZSTD_CCtx_s*)> zstd_;
};

/// Decompresses page payloads from untrusted input: any malformed input, or a result of another
/// size than the header promised, raises CORRUPT_PAGE. Keeps a ZSTD context between calls.
class Decompressor {
 public:
  Decompressor();
  ~Decompressor();
  Decompressor(const Decompressor&) = delete;
  Decompressor& operator=(const Decompressor&) = delete;

  /// Checks, before anything is allocated, that `input` can plausibly decompress to exactly
  /// `uncompressedSize` bytes (ZSTD: the frame says so; LZ4: within its maximum ratio).
  void checkPlausible(CompressionCodec codec, std::string_view input, size_t uncompressedSize);

  /// Decompresses `input` into `out[0, uncompressedSize)`.
  void decompress(CompressionCodec codec, std::string_view input, char* out, size_t uncompressedSize);

 private:
  std::unique_ptr<ZSTD_DCtx_s, size_t (*)(ZSTD_DCtx_s*)> zstd_;
};

} // namespace presto
