#include "function/EvalContext.h"

#include <atomic>

#include "common/Check.h"

namespace presto {
namespace {

uint64_t nextId() {
  static std::atomic<uint64_t> counter{0};
  return ++counter;
}

} // namespace

EvalContext::EvalContext(const std::vector<VectorPtr>* inputs, vector_size_t numRows)
    : inputs_(inputs), numRows_(numRows), id_(nextId()) {}

const VectorPtr& EvalContext::input(size_t channel) const {
  PRESTO_CHECK(inputs_ != nullptr && channel < inputs_->size(), "no input channel {}", channel);
  return (*inputs_)[channel];
}

void EvalContext::setError(vector_size_t row, const ErrorCode& code, std::string message) {
  if (errorBits_.empty()) {
    errorBits_.assign(bits::numWords(static_cast<size_t>(numRows_)), 0);
  }
  if (bits::isBitSet(errorBits_.data(), static_cast<size_t>(row))) {
    return;
  }
  bits::setBit(errorBits_.data(), static_cast<size_t>(row));
  errors_.push_back({row, code, std::move(message)});
  ++numErrors_;
}

void EvalContext::setError(vector_size_t row, const PrestoException& error) {
  setError(row, error.errorCode(), error.rawMessage());
}

const EvalContext::RowError* EvalContext::findError(vector_size_t row) const {
  for (auto it = errors_.rbegin(); it != errors_.rend(); ++it) {
    if (it->row == row) {
      return &*it;
    }
  }
  return nullptr;
}

void EvalContext::copyError(vector_size_t row, const EvalContext& source, vector_size_t sourceRow) {
  const RowError* error = source.findError(sourceRow);
  PRESTO_CHECK(error != nullptr, "no error at row {}", sourceRow);
  setError(row, error->code, error->message);
}

void EvalContext::deselectErrors(SelectivityVector& rows) const {
  if (numErrors_ > 0) {
    rows.deselect(errorBits_.data());
  }
}

std::vector<vector_size_t> EvalContext::clearErrors(const SelectivityVector& rows, bool onlyCatchable) {
  std::vector<vector_size_t> cleared;
  if (numErrors_ == 0) {
    return cleared;
  }
  for (auto& error : errors_) {
    if (error.row < 0 || !rows.isValid(error.row) ||
        !bits::isBitSet(errorBits_.data(), static_cast<size_t>(error.row))) {
      continue;
    }
    if (onlyCatchable && !isCaughtByTry(error.code)) {
      continue;
    }
    bits::clearBit(errorBits_.data(), static_cast<size_t>(error.row));
    cleared.push_back(error.row);
    error.row = -1;
    --numErrors_;
  }
  return cleared;
}

void EvalContext::throwFirstError(const SelectivityVector& rows) const {
  if (numErrors_ == 0) {
    return;
  }
  const RowError* first = nullptr;
  for (const auto& error : errors_) {
    if (error.row >= 0 && error.row < rows.size() && rows.isValid(error.row) &&
        bits::isBitSet(errorBits_.data(), static_cast<size_t>(error.row)) && (!first || error.row < first->row)) {
      first = &error;
    }
  }
  if (first) {
    throw PrestoException(first->code, first->message);
  }
}

} // namespace presto
