#pragma once

#include <cstdint>
#include <string_view>

namespace presto {

/// The checksum of a serialized page: XXH3-64 of the payload as it is on the wire (compressed or
/// not), seeded with XXH3-64 of the first 13 header bytes (position count, markers, uncompressed
/// size, size on the wire), so a flipped bit in either is caught before anything is decompressed
/// or parsed.
uint64_t pageChecksum(std::string_view headerFields, std::string_view payload);

} // namespace presto
