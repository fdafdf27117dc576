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

static_assert(int32_t{kCustKey} == ContactColumns::kKey && int32_t{kAccountBalance} == ContactColumns::kAccountBalance);

constexpr int32_t kCommentLength = 73;

/// customer: row i has key i + 1.
class CustomerGenerator final : public RowStreamGenerator {
 public:
  explicit CustomerGenerator(const ColumnTargets& wanted)
      : RowStreamGenerator(wanted, kComment, streams::kCustomerComment, kCommentLength),
        segments_(Distributions::get().marketSegments),
        contact_("Customer#", streams::kCustomerAddress, streams::kCustomerNation, streams::kCustomerPhone,
            streams::kCustomerAccountBalance),
        segment_(makeRowStream(streams::kCustomerSegment)) {
    addStreams(contact_.streams());
    addStreams({&segment_});
  }

  void generate(int64_t count, const ColumnTargets& targets) override {
    for (int64_t index = 0; index < count; ++index, ++row_) {
      const int64_t key = row_ + 1;
      contact_.append(targets, key);
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
  ContactColumns contact_;
  RowStream segment_;
};

} // namespace

std::unique_ptr<TableGenerator> makeCustomerGenerator(
    const TpchScale&, const ColumnTargets& wanted) {
  return std::make_unique<CustomerGenerator>(wanted);
}

} // namespace presto::tpch
