#include <optional>

#include "connector/tpch/CommentLookahead.h"
#include "connector/tpch/Distributions.h"
#include "connector/tpch/FieldFormat.h"
#include "connector/tpch/RandomAddress.h"
#include "connector/tpch/StreamSeeds.h"
#include "connector/tpch/RowStreamGenerator.h"
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
class CustomerGenerator final : public RowStreamGenerator {
 public:
  explicit CustomerGenerator(const ColumnTargets& wanted)
      : RowStreamGenerator(wanted, kComment, streams::kCustomerComment, kCommentLength),
        segments_(Distributions::get().marketSegments),
        address_(makeRowStream(streams::kCustomerAddress)),
        nation_(makeRowStream(streams::kCustomerNation)),
        phone_(makeRowStream(streams::kCustomerPhone)),
        accountBalance_(makeRowStream(streams::kCustomerAccountBalance)),
        segment_(makeRowStream(streams::kCustomerSegment)) {
    setStreams({&address_, &nation_, &phone_, &accountBalance_, &segment_});
  }

  void generate(int64_t count, const ColumnTargets& targets) override {
    for (int64_t index = 0; index < count; ++index, ++row_) {
      const int64_t key = row_ + 1;
      if (auto* column = targets[kCustKey]) {
        appendValue(column, key);
      }
      if (auto* column = targets[kName]) {
        appendKeyName(column, "Customer#", key);
      }
      if (auto* column = targets[kAddress]) {
        RandomStream stream = address_.start();
        appendRandomAddress(stream, column->strings);
      }
      appendNationAndPhone(nation_, phone_, targets, kNationKey, kPhone);
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
      finishRow();
    }
  }

 private:
  const Distribution& segments_;
  RowStream address_;
  RowStream nation_;
  RowStream phone_;
  RowStream accountBalance_;
  RowStream segment_;
};

} // namespace

std::unique_ptr<TableGenerator> makeCustomerGenerator(
    const TpchScale&, const ColumnTargets& wanted) {
  return std::make_unique<CustomerGenerator>(wanted);
}

} // namespace presto::tpch
