#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>

/// Constants of the serialized page layout (docs/dev/page-format.md describes it in full). Every
/// multi-byte field is little-endian; the code assumes a little-endian host.
namespace presto::page_format {

static_assert(std::endian::native == std::endian::little, "the page format assumes a little-endian host");

/// Header: int32 positionCount | uint8 markers | int32 uncompressedSize | int32 sizeInBytes |
/// int64 checksum, followed by sizeInBytes bytes of payload.
inline constexpr size_t kHeaderSize = 21;
/// Offset of the checksum in the header; the 13 bytes before it are covered by the checksum.
inline constexpr size_t kChecksumOffset = 13;

/// Marker bits. kEncrypted is reserved (Presto's bit) and rejected on read.
inline constexpr uint8_t kCompressed = 0x01;
inline constexpr uint8_t kEncrypted = 0x02;
inline constexpr uint8_t kChecksummed = 0x04;
/// Set together with kCompressed when the payload is a ZSTD frame; clear means LZ4.
inline constexpr uint8_t kZstd = 0x08;
inline constexpr uint8_t kKnownMarkers = kCompressed | kEncrypted | kChecksummed | kZstd;

/// Compression is kept only if compressed size <= this fraction of the uncompressed size (as
/// Presto's PagesSerde), so that readers do not pay to decompress pages that barely shrank.
inline constexpr double kMinimumCompressionRatio = 0.8;

/// Largest uncompressed payload a page may have, written or read (readers may lower it).
inline constexpr int64_t kMaxPayloadBytes = int64_t{1} << 30;

/// Deepest nesting of blocks (types plus RLE/DICTIONARY wrappers) a reader accepts.
inline constexpr int kMaxBlockDepth = 64;

/// Longest encoding name a reader accepts.
inline constexpr int32_t kMaxEncodingNameLength = 32;

/// Block encoding names as they appear on the wire.
inline constexpr std::string_view kByteArray = "BYTE_ARRAY";
inline constexpr std::string_view kShortArray = "SHORT_ARRAY";
inline constexpr std::string_view kIntArray = "INT_ARRAY";
inline constexpr std::string_view kLongArray = "LONG_ARRAY";
inline constexpr std::string_view kInt128Array = "INT128_ARRAY";
inline constexpr std::string_view kVariableWidth = "VARIABLE_WIDTH";
inline constexpr std::string_view kArray = "ARRAY";
inline constexpr std::string_view kMap = "MAP";
inline constexpr std::string_view kRow = "ROW";
inline constexpr std::string_view kRle = "RLE";
inline constexpr std::string_view kDictionary = "DICTIONARY";

} // namespace presto::page_format
