#include "connector/tpch/Distributions.h"
#include "connector/tpch/StreamSeeds.h"
#include "connector/tpch/TableGenerator.h"
#include "connector/tpch/TextPool.h"

namespace presto::tpch {
namespace {

enum RegionColumn : int32_t { kRegionKey, kName, kComment };

constexpr CommentShape kCommentShape(72);

/// region: the 5 entries of the regions distribution.
class RegionGenerator final : public TableGenerator {
 public:
  explicit RegionGenerator(const ColumnTargets& wanted)
      : regions_(Distributions::get().regions),
        pool_(wanted.wants(kComment) ? &TextPool::get() : nullptr),
        comment_(makeRowStream(streams::kRegionComment)) {}

  void seek(int64_t row) override {
    row_ = row;
    comment_.seek(row);
  }

  void generate(int64_t count, const ColumnTargets& targets) override {
    for (int64_t index = 0; index < count; ++index, ++row_) {
      if (auto* column = targets[kRegionKey]) {
        appendValue(column, row_);
      }
      if (auto* column = targets[kName]) {
        appendString(column, regions_.value(static_cast<int32_t>(row_)));
      }
      if (auto* column = targets[kComment]) {
        RandomStream stream = comment_.start();
        appendString(column, pool_->slice(kCommentShape.draw(stream)));
      }
      comment_.nextRow();
    }
  }

 private:
  const Distribution& regions_;
  const TextPool* pool_;
  RowStream comment_;
  int64_t row_{0};
};

} // namespace

std::unique_ptr<TableGenerator> makeRegionGenerator(const ColumnTargets& wanted) {
  return std::make_unique<RegionGenerator>(wanted);
}

} // namespace presto::tpch
