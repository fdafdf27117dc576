#include "connector/tpch/Distributions.h"
#include "connector/tpch/StreamSeeds.h"
#include "connector/tpch/TableGenerator.h"
#include "connector/tpch/TextPool.h"

namespace presto::tpch {
namespace {

enum NationColumn : int32_t { kNationKey, kName, kRegionKey, kComment };

constexpr CommentShape kCommentShape(72);

/// nation: the 25 entries of the nations distribution; the region key is the entry's cumulative
/// weight.
class NationGenerator final : public TableGenerator {
 public:
  explicit NationGenerator(const ColumnTargets& wanted)
      : nations_(Distributions::get().nations),
        pool_(wanted.wants(kComment) ? &TextPool::get() : nullptr),
        comment_(makeRowStream(streams::kNationComment)) {}

  void seek(int64_t row) override {
    row_ = row;
    comment_.seek(row);
  }

  void generate(int64_t count, const ColumnTargets& targets) override {
    for (int64_t index = 0; index < count; ++index, ++row_) {
      const auto entry = static_cast<int32_t>(row_);
      if (auto* column = targets[kNationKey]) {
        appendValue(column, row_);
      }
      if (auto* column = targets[kName]) {
        appendString(column, nations_.value(entry));
      }
      if (auto* column = targets[kRegionKey]) {
        appendValue(column, nations_.cumulativeWeight(entry));
      }
      if (auto* column = targets[kComment]) {
        RandomStream stream = comment_.start();
        appendString(column, pool_->slice(kCommentShape.draw(stream)));
      }
      comment_.nextRow();
    }
  }

 private:
  const Distribution& nations_;
  const TextPool* pool_;
  RowStream comment_;
  int64_t row_{0};
};

} // namespace

std::unique_ptr<TableGenerator> makeNationGenerator(const ColumnTargets& wanted) {
  return std::make_unique<NationGenerator>(wanted);
}

} // namespace presto::tpch
