#include "vector/Bits.h"

namespace presto::bits {

void fillBits(uint64_t* words, size_t begin, size_t end, bool value) {
  for (size_t i = begin; i < end;) {
    if (i % 64 == 0 && i + 64 <= end) {
      words[i / 64] = value ? ~uint64_t{0} : 0;
      i += 64;
    } else {
      setBit(words, i, value);
      ++i;
    }
  }
}

size_t countBits(const uint64_t* words, size_t begin, size_t end) {
  size_t count = 0;
  forEachSetBit(words, begin, end, [&](size_t) { ++count; });
  return count;
}

bool anyBitSet(const uint64_t* words, size_t begin, size_t end) {
  bool any = false;
  if (begin >= end) {
    return false;
  }
  size_t firstWord = begin / 64;
  size_t lastWord = (end - 1) / 64;
  for (size_t word = firstWord; word <= lastWord && !any; ++word) {
    uint64_t bits = words[word];
    if (word == firstWord) bits &= ~uint64_t{0} << (begin % 64);
    if (word == lastWord && end % 64 != 0) bits &= (uint64_t{1} << (end % 64)) - 1;
    any = bits != 0;
  }
  return any;
}

} // namespace presto::bits
