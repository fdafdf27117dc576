#pragma once

#include "vector/BaseVector.h"
#include "vector/serde/ByteWriter.h"

namespace presto {

/// Writes rows [0, numRows) of `vector` as one block of the page format (docs/dev/page-format.md),
/// keeping its encoding: flat vectors become BYTE/SHORT/INT/LONG/INT128_ARRAY or VARIABLE_WIDTH,
/// constants RLE, dictionaries DICTIONARY (with the dictionary compacted to the rows referenced),
/// and array, map and row vectors ARRAY, MAP and ROW. Lazy vectors are loaded and written as what
/// they load to.
/// REQUIRES: numRows <= vector.size().
void writeBlock(const BaseVector& vector, vector_size_t numRows, ByteWriter& out);

} // namespace presto
