#include "vector/serde/PageChecksum.h"

#include <xxhash.h>

namespace presto {

uint64_t pageChecksum(std::string_view headerFields, std::string_view payload) {
  XXH64_hash_t seed = XXH3_64bits(headerFields.data(), headerFields.size());
  return XXH3_64bits_withSeed(payload.data(), payload.size(), seed);
}

} // namespace presto
