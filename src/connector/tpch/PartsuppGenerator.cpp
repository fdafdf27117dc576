#include <optional>

#include "connector/tpch/CommentLookahead.h"
#include "connector/tpch/PartKeys.h"
#include "connector/tpch/StreamSeeds.h"
#include "connector/tpch/TableGenerator.h"
#include "connector/tpch/TextPool.h"

namespace presto::tpch {
namespace {

enum PartsuppColumn : int32_t { kPartKey, kSuppKey, kAvailableQuantity, kSupplyCost, kComment };

constexpr int32_t kCommentLength = 124;
constexpr int64_t kSuppliersPerPart = 4;

/// partsupp: four rows per part, one per supplier slot. dbgen budgets the partsupp streams per
/// part, so row r belongs to part r / 4 and draws after the slots before it in that part.
class PartsuppGenerator final : public TableGenerator {
 public:
  PartsuppGenerator(const TpchScale& scale, const ColumnTargets& wanted)
      : suppliers_(scale.suppliers()),
        pool_(wanted.wants(kComment) ? &TextPool::get() : nullptr),
        availableQuantity_(makeRowStream(streams::kPartsuppAvailableQuantity)),
        supplyCost_(makeRowStream(streams::kPartsuppSupplyCost)) {
    if (pool_ != nullptr) {
      comments_.emplace(*pool_, streams::kPartsuppComment.seed, kCommentLength);
    }
  }

  void seek(int64_t row) override {
    part_ = row / kSuppliersPerPart;
    slot_ = row % kSuppliersPerPart;
    availableQuantity_.seek(part_);
    supplyCost_.seek(part_);
    startPart();
    // Skip the draws of the slots before `slot_`.
    availableQuantityStream_.skip(slot_);
    supplyCostStream_.skip(slot_);
    if (comments_) {
      // Two draws per row and eight per part: the comment stream is read straight through.
      comments_->seek(row);
    }
  }

  void generate(int64_t count, const ColumnTargets& targets) override {
    for (int64_t index = 0; index < count; ++index) {
      const int64_t partKey = part_ + 1;
      if (auto* column = targets[kPartKey]) {
        appendValue(column, partKey);
      }
      if (auto* column = targets[kSuppKey]) {
        appendValue(column, partSupplier(partKey, slot_, suppliers_));
      }
      if (auto* column = targets[kAvailableQuantity]) {
        appendInt32(column, static_cast<int32_t>(availableQuantityStream_.uniform(1, 9999)));
      }
      if (auto* column = targets[kSupplyCost]) {
        appendValue(column, supplyCostStream_.uniform(100, 100000));
      }
      if (auto* column = targets[kComment]) {
        appendString(column, pool_->slice(comments_->next()));
      }
      if (++slot_ == kSuppliersPerPart) {
        slot_ = 0;
        ++part_;
        availableQuantity_.nextRow();
        supplyCost_.nextRow();
        startPart();
      }
    }
  }

 private:
  void startPart() {
    availableQuantityStream_ = availableQuantity_.start();
    supplyCostStream_ = supplyCost_.start();
  }

  int64_t suppliers_;
  const TextPool* pool_;
  RowStream availableQuantity_;
  RowStream supplyCost_;
  std::optional<CommentLookahead> comments_;
  RandomStream availableQuantityStream_{0};
  RandomStream supplyCostStream_{0};
  int64_t part_{0};
  int64_t slot_{0};
};

} // namespace

std::unique_ptr<TableGenerator> makePartsuppGenerator(
    const TpchScale& scale, const ColumnTargets& wanted) {
  return std::make_unique<PartsuppGenerator>(scale, wanted);
}

} // namespace presto::tpch
