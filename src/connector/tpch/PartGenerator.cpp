#include <array>
#include <numeric>
#include <optional>

#include "connector/tpch/CommentLookahead.h"
#include "connector/tpch/Distributions.h"
#include "connector/tpch/FieldFormat.h"
#include "connector/tpch/PartKeys.h"
#include "connector/tpch/StreamSeeds.h"
#include "connector/tpch/RowStreamGenerator.h"
#include "connector/tpch/TableGenerator.h"
#include "connector/tpch/TextPool.h"

namespace presto::tpch {
namespace {

enum PartColumn : int32_t {
  kPartKey,
  kName,
  kManufacturer,
  kBrand,
  kType,
  kSize,
  kContainer,
  kRetailPrice,
  kComment,
};

constexpr int32_t kCommentLength = 14;
constexpr int32_t kNameWords = 5;

/// part: row i has key i + 1. The name is five distinct colors from a shuffle of the color list.
class PartGenerator final : public RowStreamGenerator {
 public:
  explicit PartGenerator(const ColumnTargets& wanted)
      : RowStreamGenerator(wanted, kComment, streams::kPartComment, kCommentLength),
        distributions_(Distributions::get()),
        name_(makeRowStream(streams::kPartName)),
        manufacturer_(makeRowStream(streams::kPartManufacturer)),
        brand_(makeRowStream(streams::kPartBrand)),
        type_(makeRowStream(streams::kPartType)),
        size_(makeRowStream(streams::kPartSize)),
        container_(makeRowStream(streams::kPartContainer)) {
    addStreams({&name_, &manufacturer_, &brand_, &type_, &size_, &container_});
  }

  void generate(int64_t count, const ColumnTargets& targets) override {
    for (int64_t index = 0; index < count; ++index, ++row_) {
      const int64_t key = row_ + 1;
      if (auto* column = targets[kPartKey]) {
        appendValue(column, key);
      }
      if (auto* column = targets[kName]) {
        appendName(column->strings);
      }
      if (targets.wants(kManufacturer) || targets.wants(kBrand)) {
        RandomStream manufacturerStream = manufacturer_.start();
        const int64_t manufacturer = manufacturerStream.uniform(1, 5);
        if (auto* column = targets[kManufacturer]) {
          writePadded(
              "Manufacturer#",
              manufacturer,
              1,
              column->strings.appendUninitialized(paddedLength("Manufacturer#", manufacturer, 1)));
        }
        if (auto* column = targets[kBrand]) {
          RandomStream stream = brand_.start();
          const int64_t brand = manufacturer * 10 + stream.uniform(1, 5);
          writePadded(
              "Brand#",
              brand,
              2,
              column->strings.appendUninitialized(paddedLength("Brand#", brand, 2)));
        }
      }
      if (auto* column = targets[kType]) {
        RandomStream stream = type_.start();
        appendString(column, distributions_.partTypes.value(distributions_.partTypes.pick(stream)));
      }
      if (auto* column = targets[kSize]) {
        RandomStream stream = size_.start();
        appendInt32(column, static_cast<int32_t>(stream.uniform(1, 50)));
      }
      if (auto* column = targets[kContainer]) {
        RandomStream stream = container_.start();
        const Distribution& containers = distributions_.partContainers;
        appendString(column, containers.value(containers.pick(stream)));
      }
      if (auto* column = targets[kRetailPrice]) {
        appendValue(column, partRetailPrice(key));
      }
      if (auto* column = targets[kComment]) {
        appendString(column, pool_->slice(comments_->next()));
      }
      finishRow();
    }
  }

 private:
  /// dbgen shuffles all 92 colors (92 draws) but keeps only the first five, which are final once
  /// the first five swaps are done; the row-end realignment accounts for the draws not made.
  void appendName(TpchStringColumn& column) {
    const Distribution& colors = distributions_.colors;
    std::array<int32_t, 128> order;
    std::iota(order.begin(), order.begin() + colors.size(), 0);
    RandomStream stream = name_.start();
    const int64_t last = colors.size() - 1;
    for (int32_t position = 0; position < kNameWords; ++position) {
      const int64_t chosen = stream.uniform(position, last);
      std::swap(order[position], order[chosen]);
    }
    size_t length = kNameWords - 1;
    for (int32_t position = 0; position < kNameWords; ++position) {
      length += colors.value(order[position]).size();
    }
    char* out = column.appendUninitialized(length);
    for (int32_t position = 0; position < kNameWords; ++position) {
      if (position > 0) {
        *out++ = ' ';
      }
      const std::string_view word = colors.value(order[position]);
      std::memcpy(out, word.data(), word.size());
      out += word.size();
    }
  }

  const Distributions& distributions_;
  RowStream name_;
  RowStream manufacturer_;
  RowStream brand_;
  RowStream type_;
  RowStream size_;
  RowStream container_;
};

} // namespace

std::unique_ptr<TableGenerator> makePartGenerator(const TpchScale&, const ColumnTargets& wanted) {
  return std::make_unique<PartGenerator>(wanted);
}

} // namespace presto::tpch
