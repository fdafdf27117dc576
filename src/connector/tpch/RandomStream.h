#pragma once

#include <cstdint>

namespace presto::tpch {

/// Modulus of dbgen's Park-Miller generator, 2^31 - 1.
inline constexpr int64_t kRandomModulus = 2147483647;
/// Multiplier of dbgen's Park-Miller generator.
inline constexpr int64_t kRandomMultiplier = 16807;

/// Returns (a * b) mod 2^31-1 for 0 <= a, b < 2^31-1.
inline int64_t multiplyModulo(int64_t a, int64_t b) {
  return (a * b) % kRandomModulus;
}

/// Returns 16807^steps mod 2^31-1: the factor that advances a stream by `steps` draws.
int64_t advanceFactor(int64_t steps);

/// One of dbgen's 48 random number streams: a Park-Miller "minimal standard" generator whose
/// draws are mapped to ranges with dbgen's exact double-precision formula. A stream is a value
/// type; copying it forks the sequence.
class RandomStream {
 public:
  explicit RandomStream(int64_t state) : state_(state) {}

  /// Steps the generator once and returns the new state, in [1, 2^31-2].
  int64_t next() {
    // 16807 * state < 2^46; fold the high bits back in since 2^31 = 1 (mod 2^31-1).
    const uint64_t product = static_cast<uint64_t>(state_) * kRandomMultiplier;
    uint64_t folded = (product & kRandomModulus) + (product >> 31);
    if (folded >= static_cast<uint64_t>(kRandomModulus)) {
      folded -= kRandomModulus;
    }
    state_ = static_cast<int64_t>(folded);
    return state_;
  }

  /// Draws a value uniform on [low, high] exactly as dbgen does: the new state divided by the
  /// modulus, times the range width, both in IEEE double, truncated toward zero.
  int64_t uniform(int64_t low, int64_t high) {
    const double width = static_cast<double>(high - low + 1);
    return low + static_cast<int64_t>(static_cast<double>(next()) / 2147483647.0 * width);
  }

  /// dbgen's draw on [0, 2^31-1], whose width overflows 32 bits and becomes -2^31: the result is
  /// negative. The random-string routine takes its characters from the low bits of this value.
  int64_t overflowedWord() {
    return static_cast<int64_t>(static_cast<double>(next()) / 2147483647.0 * -2147483648.0);
  }

  /// Advances the stream by `steps` draws at once.
  void skip(int64_t steps) { state_ = multiplyModulo(state_, advanceFactor(steps)); }

  int64_t state() const { return state_; }

 private:
  int64_t state_;
};

/// The position of one stream at the start of the current row of its owning table. dbgen budgets
/// every stream a fixed number of draws per row and realigns it at row end, so the state at the
/// start of row k (0-based) is seed * 16807^(k * drawsPerRow). Rows draw from a copy made by
/// `start()`, and `nextRow()` moves to the following row without caring how many draws were used.
class RowStream {
 public:
  RowStream(int64_t seed, int64_t drawsPerRow);

  /// Positions the stream at the start of row `row` (0-based).
  void seek(int64_t row);

  /// Moves to the start of the next row.
  void nextRow() { rowState_ = multiplyModulo(rowState_, rowFactor_); }

  /// A stream positioned at the start of the current row.
  RandomStream start() const { return RandomStream(rowState_); }

 private:
  int64_t seed_;
  int64_t drawsPerRow_;
  int64_t rowFactor_;
  int64_t rowState_;
};

} // namespace presto::tpch
