#include "vector/serde/Compression.h"

#include <lz4.h>
#include <zstd.h>

#include "common/Check.h"

namespace presto {
namespace {

// LZ4 cannot expand data by more than about 255 times (one literal-length byte per 255 bytes).
constexpr uint64_t kLz4MaxRatio = 255;

} // namespace

std::string_view codecName(CompressionCodec codec) {
  switch (codec) {
    case CompressionCodec::kNone: return "NONE";
    case CompressionCodec::kLz4: return "LZ4";
    case CompressionCodec::kZstd: return "ZSTD";
  }
  return "UNKNOWN";
}

Compressor::Compressor() : zstd_(nullptr, ZSTD_freeCCtx) {}

Compressor::~Compressor() = default;

void Compressor::compress(CompressionCodec codec, std::string_view input, std::string& out) {
  switch (codec) {
    case CompressionCodec::kLz4: {
      PRESTO_CHECK(input.size() <= LZ4_MAX_INPUT_SIZE, "page of {} bytes is too large for LZ4", input.size());
      auto inputSize = static_cast<int>(input.size());
      out.resize(static_cast<size_t>(LZ4_compressBound(inputSize)));
      int written = LZ4_compress_default(input.data(), out.data(), inputSize, static_cast<int>(out.size()));
      PRESTO_CHECK(written > 0, "LZ4 compression failed");
      out.resize(static_cast<size_t>(written));
      return;
    }
    case CompressionCodec::kZstd: {
      if (!zstd_) {
        zstd_.reset(ZSTD_createCCtx());
        PRESTO_CHECK(zstd_ != nullptr, "cannot create a ZSTD context");
      }
      out.resize(ZSTD_compressBound(input.size()));
      size_t written = ZSTD_compressCCtx(zstd_.get(), out.data(), out.size(), input.data(), input.size(), kZstdLevel);
      PRESTO_CHECK(!ZSTD_isError(written), "ZSTD compression failed: {}", ZSTD_getErrorName(written));
      out.resize(written);
      return;
    }
    case CompressionCodec::kNone: break;
  }
  PRESTO_FAIL("cannot compress with codec {}", codecName(codec));
}

Decompressor::Decompressor() : zstd_(nullptr, ZSTD_freeDCtx) {}

Decompressor::~Decompressor() = default;

void Decompressor::checkPlausible(CompressionCodec codec, std::string_view input, size_t uncompressedSize) {
  switch (codec) {
    case CompressionCodec::kLz4:
      PRESTO_USER_CHECK(uncompressedSize <= kLz4MaxRatio * input.size() + 16, errors::CORRUPT_PAGE,
          "Corrupt page: {} LZ4 bytes cannot hold {} bytes", input.size(), uncompressedSize);
      return;
    case CompressionCodec::kZstd: {
      auto frameSize = ZSTD_findFrameCompressedSize(input.data(), input.size());
      PRESTO_USER_CHECK(!ZSTD_isError(frameSize) && frameSize == input.size(), errors::CORRUPT_PAGE,
          "Corrupt page: the payload is not one ZSTD frame");
      auto contentSize = ZSTD_getFrameContentSize(input.data(), input.size());
      PRESTO_USER_CHECK(contentSize == uncompressedSize, errors::CORRUPT_PAGE,
          "Corrupt page: the ZSTD frame does not declare the header's uncompressed size {}", uncompressedSize);
      return;
    }
    case CompressionCodec::kNone: break;
  }
  PRESTO_FAIL("cannot decompress codec {}", codecName(codec));
}

void Decompressor::decompress(CompressionCodec codec, std::string_view input, char* out, size_t uncompressedSize) {
  checkPlausible(codec, input, uncompressedSize);
  if (codec == CompressionCodec::kLz4) {
    int read = LZ4_decompress_safe(
        input.data(), out, static_cast<int>(input.size()), static_cast<int>(uncompressedSize));
    PRESTO_USER_CHECK(read >= 0 && static_cast<size_t>(read) == uncompressedSize, errors::CORRUPT_PAGE,
        "Corrupt page: LZ4 payload does not decompress to {} bytes", uncompressedSize);
    return;
  }
  if (!zstd_) {
    zstd_.reset(ZSTD_createDCtx());
    PRESTO_CHECK(zstd_ != nullptr, "cannot create a ZSTD context");
  }
  size_t read = ZSTD_decompressDCtx(zstd_.get(), out, uncompressedSize, input.data(), input.size());
  PRESTO_USER_CHECK(!ZSTD_isError(read) && read == uncompressedSize, errors::CORRUPT_PAGE,
      "Corrupt page: ZSTD payload does not decompress to {} bytes", uncompressedSize);
}

} // namespace presto
