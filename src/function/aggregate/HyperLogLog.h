#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace presto {

/// A HyperLogLog sketch of 64-bit hashes estimating how many distinct values were added. While
/// few hashes were seen it keeps them exactly (sparse form: the count is exact up to hash
/// collisions); past a quarter of the register count it switches to 2^indexBits one-byte
/// registers (dense form) whose standard error is 1.04 / sqrt(2^indexBits).
class HyperLogLog {
 public:
  /// REQUIRES: 4 <= indexBits <= 16.
  explicit HyperLogLog(int indexBits);

  /// The number of index bits whose standard error does not exceed `maxStandardError`. Throws
  /// INVALID_FUNCTION_ARGUMENT outside Presto's range [0.0040625, 0.26].
  static int indexBitsForError(double maxStandardError);
  /// Index bits for Presto's default standard error of 0.023 (2048 registers).
  static constexpr int kDefaultIndexBits = 11;

  void add(uint64_t hash);
  /// REQUIRES: other.indexBits() == indexBits().
  void merge(const HyperLogLog& other);
  int64_t cardinality() const;

  int indexBits() const { return indexBits_; }
  /// A self-describing byte string (form, index bits, then hashes or registers).
  std::string serialize() const;
  static HyperLogLog deserialize(std::string_view bytes);

 private:
  bool isDense() const { return !registers_.empty(); }
  void toDense();
  void addToRegisters(uint64_t hash);

  int indexBits_;
  std::vector<uint64_t> sparse_;  // sorted distinct hashes while sparse
  std::vector<uint8_t> registers_;
};

} // namespace presto
