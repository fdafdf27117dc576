#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/PrestoException.h"
#include "vector/Page.h"
#include "vector/VectorValues.h"
#include "vector/serde/PageChecksum.h"
#include "vector/serde/PageFormat.h"

namespace presto::test {

/// Asserts that two pages hold the same values, row by row and column by column.
inline void expectSamePage(const Page& expected, const Page& actual) {
  ASSERT_EQ(expected.numRows(), actual.numRows());
  ASSERT_EQ(expected.numColumns(), actual.numColumns());
  for (size_t column = 0; column < expected.numColumns(); ++column) {
    for (vector_size_t row = 0; row < expected.numRows(); ++row) {
      if (!(valueAt(*expected.column(column), row) == valueAt(*actual.column(column), row))) {
        ADD_FAILURE() << "column " << column << " (" << expected.column(column)->type()->toString() << ") row "
                      << row << " differs";
        return;
      }
    }
  }
}

/// Frames a payload as a page: header with the given fields and a valid checksum. Lets tests
/// hand-craft pages that only the checks behind the checksum can reject. An `uncompressedSize` of
/// -1 means the payload's size.
inline std::string framePage(int32_t numRows, const std::string& payload,
    uint8_t markers = page_format::kChecksummed, int32_t uncompressedSize = -1) {
  std::string page(page_format::kHeaderSize, '\0');
  auto size = static_cast<int32_t>(payload.size());
  if (uncompressedSize < 0) {
    uncompressedSize = size;
  }
  std::memcpy(page.data(), &numRows, 4);
  std::memcpy(page.data() + 4, &markers, 1);
  std::memcpy(page.data() + 5, &uncompressedSize, 4);
  std::memcpy(page.data() + 9, &size, 4);
  uint64_t checksum = (markers & page_format::kChecksummed)
      ? pageChecksum(std::string_view(page).substr(0, page_format::kChecksumOffset), payload)
      : 0;
  std::memcpy(page.data() + page_format::kChecksumOffset, &checksum, 8);
  return page + payload;
}

/// Runs `action` and returns the name of the error code it raised ("" if none).
template <typename Action>
std::string errorOf(Action&& action) {
  try {
    action();
  } catch (const PrestoException& error) {
    return std::string(error.errorCode().name);
  }
  return "";
}

} // namespace presto::test
