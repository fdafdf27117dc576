#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "connector/tpch/TpchColumn.h"

namespace presto::tpch {

/// Strings of one column packed in one byte buffer: value i is
/// bytes()[offsets()[i], offsets()[i + 1]).
class TpchStringColumn {
 public:
  TpchStringColumn() : offsets_{0} {}

  int64_t size() const { return static_cast<int64_t>(offsets_.size()) - 1; }

  std::string_view at(int64_t index) const {
    return std::string_view(bytes_.data() + offsets_[index], offsets_[index + 1] - offsets_[index]);
  }

  const std::string& bytes() const { return bytes_; }
  const std::vector<uint64_t>& offsets() const { return offsets_; }

  void append(std::string_view value) {
    bytes_.append(value);
    offsets_.push_back(bytes_.size());
  }

  /// Appends a value of `length` bytes and returns where to write them.
  char* appendUninitialized(size_t length) {
    const size_t start = bytes_.size();
    bytes_.resize(start + length);
    offsets_.push_back(bytes_.size());
    return bytes_.data() + start;
  }

  void reserve(int64_t values, int64_t bytes) {
    offsets_.reserve(values + 1);
    bytes_.reserve(bytes);
  }

  void clear() {
    bytes_.clear();
    offsets_.assign(1, 0);
  }

 private:
  std::string bytes_;
  std::vector<uint64_t> offsets_;
};

/// The values of one generated column. Only the member matching `kind` is filled.
struct TpchColumnData {
  TpchValueKind kind{TpchValueKind::kInt64};
  std::vector<int64_t> int64Values;
  std::vector<int32_t> int32Values;
  TpchStringColumn strings;

  int64_t size() const;
  void clear();
};

/// Rows of a TPC-H table: one TpchColumnData per requested column, in request order.
struct TpchBatch {
  int64_t numRows{0};
  std::vector<TpchColumnData> columns;

  /// Empties the batch and shapes it for `columns` (ordinals) of `table`, keeping capacity.
  void reset(TpchTable table, std::span<const int32_t> columnOrdinals);
};

} // namespace presto::tpch
