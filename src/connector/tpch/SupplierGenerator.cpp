#include <cstring>
#include <optional>

#include "connector/tpch/CommentLookahead.h"
#include "connector/tpch/FieldFormat.h"
#include "connector/tpch/RandomAddress.h"
#include "connector/tpch/StreamSeeds.h"
#include "connector/tpch/RowStreamGenerator.h"
#include "connector/tpch/TableGenerator.h"
#include "connector/tpch/TextPool.h"

namespace presto::tpch {
namespace {

enum SupplierColumn : int32_t {
  kSuppKey,
  kName,
  kAddress,
  kNationKey,
  kPhone,
  kAccountBalance,
  kComment,
};

static_assert(int32_t{kSuppKey} == ContactColumns::kKey && int32_t{kAccountBalance} == ContactColumns::kAccountBalance);

constexpr int32_t kCommentLength = 63;
constexpr std::string_view kComplaintPrefix = "Customer ";
constexpr std::string_view kComplaint = "Complaints";
constexpr std::string_view kRecommendation = "Recommends";
// One supplier in a thousand gets "Customer ... Complaints/Recommends" written into its comment.
constexpr int64_t kComplaintRate = 10;
constexpr int64_t kComplaintDenominator = 10000;

/// supplier: row i has key i + 1; the comment may carry the Better Business Bureau phrases that
/// TPC-H query 16 looks for.
class SupplierGenerator final : public RowStreamGenerator {
 public:
  explicit SupplierGenerator(const ColumnTargets& wanted)
      : RowStreamGenerator(wanted, kComment, streams::kSupplierComment, kCommentLength),
        contact_("Supplier#", streams::kSupplierAddress, streams::kSupplierNation, streams::kSupplierPhone,
            streams::kSupplierAccountBalance),
        complaintGap_(makeRowStream(streams::kSupplierComplaintGap)),
        complaintKind_(makeRowStream(streams::kSupplierComplaintKind)),
        complaintSelector_(makeRowStream(streams::kSupplierComplaintSelector)),
        complaintOffset_(makeRowStream(streams::kSupplierComplaintOffset)) {
    addStreams(contact_.streams());
    addStreams({&complaintGap_, &complaintKind_,
        &complaintSelector_, &complaintOffset_});
  }

  void generate(int64_t count, const ColumnTargets& targets) override {
    for (int64_t index = 0; index < count; ++index, ++row_) {
      const int64_t key = row_ + 1;
      contact_.append(targets, key);
      if (auto* column = targets[kComment]) {
        appendComment(column->strings);
      }
      finishRow();
    }
  }

 private:
  void appendComment(TpchStringColumn& column) {
    const TextSlice slice = comments_->next();
    char* out = column.appendUninitialized(slice.length);
    std::memcpy(out, pool_->slice(slice).data(), slice.length);
    // The four draws happen for every supplier, whether or not the comment is rewritten.
    RandomStream selectorStream = complaintSelector_.start();
    RandomStream kindStream = complaintKind_.start();
    RandomStream gapStream = complaintGap_.start();
    RandomStream offsetStream = complaintOffset_.start();
    const int64_t selector = selectorStream.uniform(1, kComplaintDenominator);
    const int64_t kind = kindStream.uniform(0, 100);
    const int64_t gap = gapStream.uniform(0, slice.length - 19);
    const int64_t offset = offsetStream.uniform(0, slice.length - 19 - gap);
    if (selector <= kComplaintRate) {
      std::memcpy(out + offset, kComplaintPrefix.data(), kComplaintPrefix.size());
      const std::string_view verdict = kind < 50 ? kComplaint : kRecommendation;
      std::memcpy(out + offset + kComplaintPrefix.size() + gap, verdict.data(), verdict.size());
    }
  }

  ContactColumns contact_;
  RowStream complaintGap_;
  RowStream complaintKind_;
  RowStream complaintSelector_;
  RowStream complaintOffset_;
};

} // namespace

std::unique_ptr<TableGenerator> makeSupplierGenerator(
    const TpchScale&, const ColumnTargets& wanted) {
  return std::make_unique<SupplierGenerator>(wanted);
}

} // namespace presto::tpch
