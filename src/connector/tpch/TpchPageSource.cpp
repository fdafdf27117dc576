#include "connector/tpch/TpchPageSource.h"

#include <algorithm>
#include <cstring>

#include "vector/FlatVector.h"

namespace presto::tpch {
namespace {

template <typename T>
VectorPtr copyFixedWidth(const std::vector<T>& values, const TypePtr& type, vector_size_t numRows) {
  auto buffer = Buffer::allocate(static_cast<size_t>(std::max(numRows, 1)) * sizeof(T));
  std::memcpy(buffer->asMutable<T>(), values.data(), static_cast<size_t>(numRows) * sizeof(T));
  return std::make_shared<FlatVector<T>>(type, numRows, std::move(buffer));
}

} // namespace

TpchPageSource::TpchPageSource(const TpchGenerator& generator, const TpchSplit& split,
    const std::vector<connector::ColumnHandlePtr>& columns, int32_t rowsPerPage)
    : rowsPerPage_(rowsPerPage) {
  std::vector<int32_t> ordinals;
  for (const auto& column : columns) {
    auto ordinal = connector::ordinalOf(*column);
    types_.push_back(column->type());
    auto existing = std::find(ordinals.begin(), ordinals.end(), ordinal);
    outputToBatch_.push_back(static_cast<int32_t>(existing - ordinals.begin()));
    if (existing == ordinals.end()) {
      ordinals.push_back(ordinal);
    }
  }
  int64_t rows = generator.rowCount(split.table());
  int64_t begin = rows * split.part() / split.totalParts();
  int64_t end = rows * (split.part() + 1) / split.totalParts();
  reader_ = std::make_unique<TpchReader>(generator, split.table(), begin, end, std::move(ordinals));
}

VectorPtr TpchPageSource::toVector(TpchColumnData& column, const TypePtr& type, vector_size_t numRows) {
  switch (column.kind) {
    case TpchValueKind::kInt64:
      completedBytes_ += static_cast<uint64_t>(numRows) * 8;
      return copyFixedWidth(column.int64Values, type, numRows);
    case TpchValueKind::kInt32:
      completedBytes_ += static_cast<uint64_t>(numRows) * 4;
      return copyFixedWidth(column.int32Values, type, numRows);
    case TpchValueKind::kString: {
      const auto& strings = column.strings;
      auto bytes = Buffer::allocate(strings.bytes().size());
      std::memcpy(bytes->asMutable<char>(), strings.bytes().data(), strings.bytes().size());
      auto vector = FlatVector<StringView>::create(type, numRows);
      auto* views = vector->mutableRawValues();
      const char* base = bytes->as<char>();
      for (vector_size_t row = 0; row < numRows; ++row) {
        auto offset = strings.offsets()[static_cast<size_t>(row)];
        views[row] = StringView(base + offset, strings.offsets()[static_cast<size_t>(row) + 1] - offset);
      }
      vector->addStringBuffer(std::move(bytes));
      completedBytes_ += strings.bytes().size();
      return vector;
    }
  }
  return nullptr;
}

PagePtr TpchPageSource::getNextPage() {
  if (finished_ || !reader_->next(rowsPerPage_, batch_)) {
    finished_ = true;
    return nullptr;
  }
  auto numRows = static_cast<vector_size_t>(batch_.numRows);
  std::vector<VectorPtr> batchVectors(batch_.columns.size());
  std::vector<VectorPtr> columns;
  for (size_t output = 0; output < outputToBatch_.size(); ++output) {
    auto& vector = batchVectors[static_cast<size_t>(outputToBatch_[output])];
    if (!vector) {
      vector = toVector(batch_.columns[static_cast<size_t>(outputToBatch_[output])], types_[output], numRows);
    }
    columns.push_back(vector);
  }
  completedRows_ += static_cast<uint64_t>(numRows);
  if (reader_->remainingRows() == 0) {
    finished_ = true;
  }
  return std::make_shared<Page>(numRows, std::move(columns));
}

std::unique_ptr<connector::ConnectorPageSource> TpchPageSourceProvider::createPageSource(
    const connector::ConnectorSplitPtr& split, const connector::TableHandlePtr&,
    const std::vector<connector::ColumnHandlePtr>& columns, const connector::TupleDomain&) {
  const auto& tpchSplit = dynamic_cast<const TpchSplit&>(*split);
  return std::make_unique<TpchPageSource>(
      generators_.get(tpchSplit.scaleFactor()), tpchSplit, columns, config_.rowsPerPage);
}

} // namespace presto::tpch
