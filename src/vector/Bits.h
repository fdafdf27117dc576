#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>

/// Bit-set helpers over arrays of 64-bit words; bit i lives in word i / 64 at position i % 64.
namespace presto::bits {

inline constexpr size_t numWords(size_t numBits) {
  return (numBits + 63) / 64;
}

inline constexpr size_t numBytes(size_t numBits) {
  return numWords(numBits) * 8;
}

inline bool isBitSet(const uint64_t* words, size_t index) {
  return (words[index / 64] >> (index % 64)) & 1;
}

inline void setBit(uint64_t* words, size_t index) {
  words[index / 64] |= uint64_t{1} << (index % 64);
}

inline void clearBit(uint64_t* words, size_t index) {
  words[index / 64] &= ~(uint64_t{1} << (index % 64));
}

inline void setBit(uint64_t* words, size_t index, bool value) {
  value ? setBit(words, index) : clearBit(words, index);
}

/// Sets or clears the bits [begin, end).
void fillBits(uint64_t* words, size_t begin, size_t end, bool value);

/// Number of set bits in [begin, end).
size_t countBits(const uint64_t* words, size_t begin, size_t end);

/// Whether any bit in [begin, end) is set.
bool anyBitSet(const uint64_t* words, size_t begin, size_t end);

/// Calls `func(index)` for every set bit in [begin, end), in increasing order.
template <typename Func>
void forEachSetBit(const uint64_t* words, size_t begin, size_t end, Func func) {
  if (begin >= end) {
    return;
  }
  size_t firstWord = begin / 64;
  size_t lastWord = (end - 1) / 64;
  for (size_t word = firstWord; word <= lastWord; ++word) {
    uint64_t bits = words[word];
    if (word == firstWord) {
      bits &= ~uint64_t{0} << (begin % 64);
    }
    if (word == lastWord && end % 64 != 0) {
      bits &= (uint64_t{1} << (end % 64)) - 1;
    }
    while (bits) {
      func(word * 64 + static_cast<size_t>(std::countr_zero(bits)));
      bits &= bits - 1;
    }
  }
}

} // namespace presto::bits
