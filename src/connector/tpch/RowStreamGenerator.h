#pragma once

#include <array>
#include <initializer_list>
#include <span>
#include <optional>
#include <vector>

#include "connector/tpch/CommentLookahead.h"
#include "connector/tpch/FieldFormat.h"
#include "connector/tpch/RandomAddress.h"
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

  /// Adds streams that seek() and finishRow() move; called by the subclass constructor.
  void addStreams(std::initializer_list<RowStream*> streams) { streams_.insert(streams_.end(), streams); }
  void addStreams(std::span<RowStream* const> streams) { streams_.insert(streams_.end(), streams.begin(), streams.end()); }

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

/// The six leading columns that supplier and customer share, in this order: key, name (`prefix`
/// and the key padded to nine digits), address, nation key, phone (`NN-AAA-EEE-NNNN`, its country
/// code from the nation key) and account balance, with their per-row random streams.
class ContactColumns {
 public:
  enum Ordinal : int32_t { kKey, kName, kAddress, kNationKey, kPhone, kAccountBalance };

  ContactColumns(std::string_view namePrefix, const StreamSpec& address, const StreamSpec& nation,
      const StreamSpec& phone, const StreamSpec& accountBalance)
      : namePrefix_(namePrefix),
        address_(makeRowStream(address)),
        nation_(makeRowStream(nation)),
        phone_(makeRowStream(phone)),
        accountBalance_(makeRowStream(accountBalance)) {}

  /// The streams, for RowStreamGenerator::addStreams.
  std::array<RowStream*, 4> streams() { return {&address_, &nation_, &phone_, &accountBalance_}; }

  /// Appends whichever of the six columns `targets` wants for the row with `key`.
  void append(const ColumnTargets& targets, int64_t key) const {
    if (auto* column = targets[kKey]) {
      appendValue(column, key);
    }
    if (auto* column = targets[kName]) {
      writePadded(namePrefix_, key, 9, column->strings.appendUninitialized(paddedLength(namePrefix_, key, 9)));
    }
    if (auto* column = targets[kAddress]) {
      RandomStream stream = address_.start();
      appendRandomAddress(stream, column->strings);
    }
    if (targets.wants(kNationKey) || targets.wants(kPhone)) {
      RandomStream nationStream = nation_.start();
      const int64_t nationKey = nationStream.uniform(0, 24);
      if (auto* column = targets[kNationKey]) {
        appendValue(column, nationKey);
      }
      if (auto* column = targets[kPhone]) {
        RandomStream stream = phone_.start();
        const int64_t area = stream.uniform(100, 999);
        const int64_t exchange = stream.uniform(100, 999);
        const int64_t number = stream.uniform(1000, 9999);
        writePhone(nationKey, area, exchange, number, column->strings.appendUninitialized(kPhoneLength));
      }
    }
    if (auto* column = targets[kAccountBalance]) {
      RandomStream stream = accountBalance_.start();
      appendValue(column, stream.uniform(-99999, 999999));
    }
  }

 private:
  std::string_view namePrefix_;
  RowStream address_;
  RowStream nation_;
  RowStream phone_;
  RowStream accountBalance_;
};

} // namespace presto::tpch
