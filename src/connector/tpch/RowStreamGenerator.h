#pragma once

#include <initializer_list>
#include <optional>
#include <vector>

#include "connector/tpch/CommentLookahead.h"
#include "connector/tpch/FieldFormat.h"
#include "connector/tpch/RandomStream.h"
#include "connector/tpch/StreamSeeds.h"
#include "connector/tpch/TableGenerator.h"
#include "connector/tpch/TextPool.h"

namespace presto::tpch {

/// What part, supplier and customer share: rows keyed 1..n whose columns draw from per-row random
/// streams, plus a comment taken from the text pool. Keeps the current row, seeks every stream and
/// the comment lookahead together, and advances them together after each row.
class RowStreamGenerator : public TableGenerator {
 public:
  void seek(int64_t row) final {
    row_ = row;
    for (RowStream* stream : streams_) {
      stream->seek(row);
    }
    if (comments_) {
      comments_->seek(row);
    }
  }

 protected:
  /// The comment stream exists only when `commentColumn` is wanted (building the pool is costly).
  RowStreamGenerator(const ColumnTargets& wanted, int32_t commentColumn, const StreamSpec& commentStream,
      int32_t commentLength)
      : pool_(wanted.wants(commentColumn) ? &TextPool::get() : nullptr) {
    if (pool_ != nullptr) {
      comments_.emplace(*pool_, commentStream.seed, commentLength);
    }
  }

  /// Names the streams that seek() and finishRow() move; called once by the subclass constructor.
  void setStreams(std::initializer_list<RowStream*> streams) { streams_.assign(streams); }

  /// Advances every stream past the current row.
  void finishRow() {
    for (RowStream* stream : streams_) {
      stream->nextRow();
    }
  }

  const TextPool* pool_;
  std::optional<CommentLookahead> comments_;
  int64_t row_{0};

 private:
  std::vector<RowStream*> streams_;
};

/// Appends `prefix` and the key zero-padded to nine digits (`Customer#000000001`).
inline void appendKeyName(TpchColumnData* column, std::string_view prefix, int64_t key) {
  writePadded(prefix, key, 9, column->strings.appendUninitialized(paddedLength(prefix, key, 9)));
}

/// Draws a nation key and, from it, a phone number (`NN-AAA-EEE-NNNN`) as supplier and customer
/// do, appending whichever of the two columns is wanted.
inline void appendNationAndPhone(const RowStream& nation, const RowStream& phone, const ColumnTargets& targets,
    int32_t nationKeyColumn, int32_t phoneColumn) {
  if (!targets.wants(nationKeyColumn) && !targets.wants(phoneColumn)) {
    return;
  }
  RandomStream nationStream = nation.start();
  const int64_t nationKey = nationStream.uniform(0, 24);
  if (auto* column = targets[nationKeyColumn]) {
    appendValue(column, nationKey);
  }
  if (auto* column = targets[phoneColumn]) {
    RandomStream stream = phone.start();
    const int64_t area = stream.uniform(100, 999);
    const int64_t exchange = stream.uniform(100, 999);
    const int64_t number = stream.uniform(1000, 9999);
    writePhone(nationKey, area, exchange, number, column->strings.appendUninitialized(kPhoneLength));
  }
}

} // namespace presto::tpch
