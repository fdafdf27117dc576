#pragma once

#include "vector/BaseVector.h"
#include "vector/serde/ByteReader.h"

namespace presto {

/// Reads one block of the page format (docs/dev/page-format.md) from untrusted bytes into a vector
/// of `type`. `expectedRows` is the row count the enclosing structure requires (the page's row
/// count, an array's element count, 1 under RLE), or -1 when any count is acceptable (a
/// dictionary's values). `depth` counts the enclosing blocks.
///
/// Every length is checked against the remaining bytes before anything is allocated for it, the
/// encoding must suit `type`, offsets and dictionary ids must be in range, booleans 0 or 1, and
/// nesting at most page_format::kMaxBlockDepth deep. Any violation raises CORRUPT_PAGE.
VectorPtr readBlock(const TypePtr& type, int64_t expectedRows, ByteReader& in, int depth = 0);

} // namespace presto
