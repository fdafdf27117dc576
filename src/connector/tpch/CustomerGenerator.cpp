#include <optional>

#include "connector/tpch/CommentLookahead.h"
#include "connector/tpch/Distributions.h"
#include "connector/tpch/FieldFormat.h"
#include "connector/tpch/RandomAddress.h"
#include "connector/tpch/StreamSeeds.h"
#include "connector/tpch/TableGenerator.h"
#include "connector/tpch/TextPool.h"

namespace presto::tpch {
namespace {

enum CustomerColumn : int32_t {
  kCustKey,
  kName,
  kAddress,
  kNationKey,
  kPhone,
  kAccountBalance,
  kMarketSegment,
  kComment,
};

constexpr int32_t kCommentLength = 73;

/// customer: row i has key i + 1.
class CustomerGenerator final : public TableGenerator {
 public:
  explicit CustomerGenerator(const ColumnTargets& wanted)
      : segments_(Distributions::get().marketSegments),
        pool_(wanted.wants(kComment) ? &TextPool::get() : nullptr),
        address_(makeRowStream(streams::kCustomerAddress)),
        nation_(makeRowStream(streams::kCustomerNation)),
        phone_(makeRowStream(streams::kCustomerPhone)),
        accountBalance_(makeRowStream(streams::kCustomerAccountBalance)),
        segment_(makeRowStream(streams::kCustomerSegment)) {
    if (pool_ != nullptr) {
      comments_.emplace(*pool_, streams::kCustomerComment.seed, kCommentLength);
    }
  }

  void seek(int64_t row) override {
    row_ = row;
    for (RowStream* stream : allStreams()) {
      stream->seek(row);
    }
    if (comments_) {
      comments_->seek(row);
    }
  }

  void generate(int64_t count, const ColumnTargets& targets) override {
    for (int64_t index = 0; index < count; ++index, ++row_) {
      const int64_t key = row_ + 1;
      if (auto* column = targets[kCustKey]) {
        appendValue(column, key);
      }
      if (auto* column = targets[kName]) {
        writePadded(
            "Customer#",
            key,
            9,
            column->strings.appendUninitialized(paddedLength("Customer#", key, 9)));
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
          writePhone(
              nationKey, area, exchange, number, column->strings.appendUninitialized(kPhoneLength));
        }
      }
      if (auto* column = targets[kAccountBalance]) {
        RandomStream stream = accountBalance_.start();
        appendValue(column, stream.uniform(-99999, 999999));
      }
      if (auto* column = targets[kMarketSegment]) {
        RandomStream stream = segment_.start();
        appendString(column, segments_.value(segments_.pick(stream)));
      }
      if (auto* column = targets[kComment]) {
        appendString(column, pool_->slice(comments_->next()));
      }
      for (RowStream* stream : allStreams()) {
        stream->nextRow();
      }
    }
  }

 private:
  std::array<RowStream*, 5> allStreams() {
    return {&address_, &nation_, &phone_, &accountBalance_, &segment_};
  }

  const Distribution& segments_;
  const TextPool* pool_;
  RowStream address_;
  RowStream nation_;
  RowStream phone_;
  RowStream accountBalance_;
  RowStream segment_;
  std::optional<CommentLookahead> comments_;
  int64_t row_{0};
};

} // namespace

std::unique_ptr<TableGenerator> makeCustomerGenerator(
    const TpchScale&, const ColumnTargets& wanted) {
  return std::make_unique<CustomerGenerator>(wanted);
}

} // namespace presto::tpch
