#include "function/aggregate/HyperLogLog.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

#include "common/Check.h"

namespace presto {
namespace {

enum class Form : uint8_t { kSparse = 0, kDense = 1 };

} // namespace

HyperLogLog::HyperLogLog(int indexBits) : indexBits_(indexBits) {
  PRESTO_CHECK(indexBits >= 4 && indexBits <= 16, "HyperLogLog index bits out of range: {}", indexBits);
}

int HyperLogLog::indexBitsForError(double maxStandardError) {
  PRESTO_USER_CHECK(maxStandardError >= 0.0040625 && maxStandardError <= 0.26, errors::INVALID_FUNCTION_ARGUMENT,
      "Max standard error must be in [0.0040625, 0.26]: {}", maxStandardError);
  // Standard error is 1.04 / sqrt(m): the smallest power of two m with 1.04 / sqrt(m) <= error.
  double registers = std::pow(1.04 / maxStandardError, 2);
  int bits = static_cast<int>(std::ceil(std::log2(registers) - 1e-9));
  return std::clamp(bits, 4, 16);
}

void HyperLogLog::add(uint64_t hash) {
  if (isDense()) {
    addToRegisters(hash);
    return;
  }
  auto position = std::lower_bound(sparse_.begin(), sparse_.end(), hash);
  if (position != sparse_.end() && *position == hash) {
    return;
  }
  sparse_.insert(position, hash);
  if (sparse_.size() > (size_t{1} << indexBits_) / 4) {
    toDense();
  }
}

void HyperLogLog::addToRegisters(uint64_t hash) {
  auto index = static_cast<size_t>(hash >> (64 - indexBits_));
  uint64_t rest = hash << indexBits_;
  // Position of the first one bit after the index bits; all zeros count as the maximum.
  int rank = rest == 0 ? 64 - indexBits_ + 1 : std::countl_zero(rest) + 1;
  registers_[index] = std::max(registers_[index], static_cast<uint8_t>(rank));
}

void HyperLogLog::toDense() {
  registers_.assign(size_t{1} << indexBits_, 0);
  for (uint64_t hash : sparse_) addToRegisters(hash);
  sparse_.clear();
  sparse_.shrink_to_fit();
}

void HyperLogLog::merge(const HyperLogLog& other) {
  PRESTO_CHECK(other.indexBits_ == indexBits_, "cannot merge HyperLogLog sketches of {} and {} index bits",
      indexBits_, other.indexBits_);
  if (!other.isDense()) {
    for (uint64_t hash : other.sparse_) add(hash);
    return;
  }
  if (!isDense()) toDense();
  for (size_t i = 0; i < registers_.size(); ++i) registers_[i] = std::max(registers_[i], other.registers_[i]);
}

int64_t HyperLogLog::cardinality() const {
  if (!isDense()) {
    return static_cast<int64_t>(sparse_.size());
  }
  auto numRegisters = static_cast<double>(registers_.size());
  double sum = 0;
  size_t zeros = 0;
  for (uint8_t value : registers_) {
    sum += std::ldexp(1.0, -value);
    zeros += value == 0 ? 1 : 0;
  }
  double alpha = 0.7213 / (1 + 1.079 / numRegisters);
  double estimate = alpha * numRegisters * numRegisters / sum;
  if (estimate <= 2.5 * numRegisters && zeros > 0) {
    // Small range: linear counting over the empty registers is more accurate.
    estimate = numRegisters * std::log(numRegisters / static_cast<double>(zeros));
  }
  return static_cast<int64_t>(std::llround(estimate));
}

std::string HyperLogLog::serialize() const {
  std::string bytes;
  bytes.push_back(static_cast<char>(isDense() ? Form::kDense : Form::kSparse));
  bytes.push_back(static_cast<char>(indexBits_));
  if (isDense()) {
    bytes.append(reinterpret_cast<const char*>(registers_.data()), registers_.size());
  } else {
    bytes.append(reinterpret_cast<const char*>(sparse_.data()), sparse_.size() * sizeof(uint64_t));
  }
  return bytes;
}

HyperLogLog HyperLogLog::deserialize(std::string_view bytes) {
  PRESTO_CHECK(bytes.size() >= 2, "truncated HyperLogLog sketch");
  HyperLogLog sketch(static_cast<int>(bytes[1]));
  std::string_view payload = bytes.substr(2);
  if (static_cast<Form>(bytes[0]) == Form::kDense) {
    PRESTO_CHECK(payload.size() == (size_t{1} << sketch.indexBits_), "corrupt dense HyperLogLog sketch");
    sketch.registers_.assign(payload.begin(), payload.end());
  } else {
    PRESTO_CHECK(payload.size() % sizeof(uint64_t) == 0, "corrupt sparse HyperLogLog sketch");
    sketch.sparse_.resize(payload.size() / sizeof(uint64_t));
    std::memcpy(sketch.sparse_.data(), payload.data(), payload.size());
  }
  return sketch;
}

} // namespace presto
