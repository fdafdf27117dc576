#include "vector/SelectivityVector.h"

#include <bit>

namespace presto {

SelectivityVector::SelectivityVector(vector_size_t size, bool allSelected)
    : bits_(bits::numWords(static_cast<size_t>(size)), allSelected ? ~uint64_t{0} : 0),
      size_(size),
      begin_(0),
      end_(allSelected ? size : 0),
      allSelected_(allSelected ? kYes : kNo) {
  // Keep bits past the end clear so word-level operations need no masking.
  if (allSelected && size % 64 != 0) {
    bits_.back() &= (uint64_t{1} << (size % 64)) - 1;
  }
  if (size == 0) {
    allSelected_ = kYes;
  }
}

void SelectivityVector::setValidRange(vector_size_t begin, vector_size_t end, bool valid) {
  bits::fillBits(bits_.data(), static_cast<size_t>(begin), static_cast<size_t>(end), valid);
  allSelected_ = kUnknown;
}

void SelectivityVector::setAll() {
  setValidRange(0, size_, true);
  begin_ = 0;
  end_ = size_;
  allSelected_ = kYes;
}

void SelectivityVector::clearAll() {
  std::fill(bits_.begin(), bits_.end(), 0);
  begin_ = 0;
  end_ = 0;
  allSelected_ = size_ == 0 ? kYes : kNo;
}

void SelectivityVector::updateBounds() {
  begin_ = 0;
  end_ = 0;
  for (size_t word = 0; word < bits_.size(); ++word) {
    if (bits_[word]) {
      begin_ = static_cast<vector_size_t>(word * 64 + static_cast<size_t>(std::countr_zero(bits_[word])));
      break;
    }
  }
  for (size_t word = bits_.size(); word > 0; --word) {
    if (bits_[word - 1]) {
      end_ = static_cast<vector_size_t>((word - 1) * 64 + 64 - static_cast<size_t>(std::countl_zero(bits_[word - 1])));
      break;
    }
  }
  allSelected_ = kUnknown;
}

void SelectivityVector::intersect(const SelectivityVector& other) {
  for (size_t word = 0; word < bits_.size(); ++word) {
    bits_[word] &= word < other.bits_.size() ? other.bits_[word] : 0;
  }
  updateBounds();
}

void SelectivityVector::deselect(const uint64_t* rowBits) {
  for (size_t word = 0; word < bits_.size(); ++word) {
    bits_[word] &= ~rowBits[word];
  }
  if (size_ % 64 != 0 && !bits_.empty()) {
    bits_.back() &= (uint64_t{1} << (size_ % 64)) - 1;
  }
  updateBounds();
}

void SelectivityVector::resize(vector_size_t size, bool selectNew) {
  vector_size_t oldSize = size_;
  bits_.resize(bits::numWords(static_cast<size_t>(size)), 0);
  size_ = size;
  if (size > oldSize) {
    bits::fillBits(bits_.data(), static_cast<size_t>(oldSize), static_cast<size_t>(size), selectNew);
  } else if (size % 64 != 0 && !bits_.empty()) {
    bits_.back() &= (uint64_t{1} << (size % 64)) - 1;
  }
  updateBounds();
}

vector_size_t SelectivityVector::countSelected() const {
  if (isAllSelected()) {
    return end_ - begin_;
  }
  return static_cast<vector_size_t>(bits::countBits(bits_.data(), static_cast<size_t>(begin_), static_cast<size_t>(end_)));
}

bool SelectivityVector::isAllSelected() const {
  if (allSelected_ == kUnknown) {
    allSelected_ = begin_ == 0 && end_ == size_ &&
            bits::countBits(bits_.data(), 0, static_cast<size_t>(size_)) == static_cast<size_t>(size_)
        ? kYes
        : kNo;
  }
  return allSelected_ == kYes;
}

bool SelectivityVector::operator==(const SelectivityVector& other) const {
  return size_ == other.size_ && bits_ == other.bits_;
}

} // namespace presto
