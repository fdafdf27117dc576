#include "vector/Page.h"

#include "common/Check.h"

namespace presto {

Page::Page(vector_size_t numRows, std::vector<VectorPtr> columns) : numRows_(numRows), columns_(std::move(columns)) {
  checkColumns();
}

Page::Page(std::vector<VectorPtr> columns) : columns_(std::move(columns)) {
  numRows_ = columns_.empty() ? 0 : columns_.front()->size();
  checkColumns();
}

void Page::checkColumns() const {
  for (const auto& column : columns_) {
    PRESTO_CHECK(column && column->size() >= numRows_, "page column has fewer rows than the page's {}", numRows_);
  }
}

uint64_t Page::retainedBytes() const {
  uint64_t bytes = 0;
  for (const auto& column : columns_) {
    bytes += column->retainedBytes();
  }
  return bytes;
}

std::string Page::toString() const {
  std::string result;
  for (vector_size_t row = 0; row < numRows_; ++row) {
    for (size_t column = 0; column < columns_.size(); ++column) {
      result += (column ? ", " : "") + columns_[column]->toString(row);
    }
    result += "\n";
  }
  return result;
}

} // namespace presto
