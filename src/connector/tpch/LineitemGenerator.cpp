#include <algorithm>
#include <array>

#include "connector/tpch/Distributions.h"
#include "connector/tpch/LineitemIndex.h"
#include "connector/tpch/OrderLineGenerator.h"
#include "connector/tpch/TableGenerator.h"

namespace presto::tpch {
namespace {

enum LineitemColumn : int32_t {
  kOrderKey,
  kPartKey,
  kSuppKey,
  kLineNumber,
  kQuantity,
  kExtendedPrice,
  kDiscount,
  kTax,
  kReturnFlag,
  kLineStatus,
  kShipDate,
  kCommitDate,
  kReceiptDate,
  kShipInstruct,
  kShipMode,
  kComment,
};

constexpr int32_t kWindow = 16;

uint32_t fieldsFor(const ColumnTargets& wanted) {
  uint32_t mask = 0;
  if (wanted.wants(kPartKey) || wanted.wants(kQuantity) || wanted.wants(kExtendedPrice) ||
      wanted.wants(kDiscount) || wanted.wants(kTax)) {
    mask |= fields::kLinePricing;
  }
  mask |= wanted.wants(kSuppKey) ? fields::kLineSupplier : 0;
  if (wanted.wants(kLineStatus) || wanted.wants(kShipDate) || wanted.wants(kCommitDate) ||
      wanted.wants(kReceiptDate)) {
    mask |= fields::kLineDates;
  }
  mask |= wanted.wants(kReturnFlag) ? fields::kLineReturnFlag : 0;
  mask |= wanted.wants(kShipInstruct) ? fields::kLineShipInstruct : 0;
  mask |= wanted.wants(kShipMode) ? fields::kLineShipMode : 0;
  mask |= wanted.wants(kComment) ? fields::kLineComment : 0;
  return mask;
}

/// lineitem: the lines of each order in turn. A row range may start or end inside an order; the
/// index finds the order holding the first row.
class LineitemGenerator final : public TableGenerator {
 public:
  LineitemGenerator(const TpchScale& scale, const LineitemIndex& index, const ColumnTargets& wanted)
      : index_(index),
        distributions_(Distributions::get()),
        pool_(wanted.wants(kComment) ? &TextPool::get() : nullptr),
        orders_(scale, fieldsFor(wanted)) {}

  void seek(int64_t row) override {
    const LineitemIndex::Position position = index_.locate(row);
    orders_.seek(position.order);
    line_ = position.line;
    windowSize_ = 0;
    windowPosition_ = 0;
  }

  void generate(int64_t count, const ColumnTargets& targets) override {
    while (count > 0) {
      if (windowPosition_ == windowSize_) {
        // Every order has a line, so `count` rows need at most `count` more orders.
        fillWindow(static_cast<int32_t>(std::min<int64_t>(count, kWindow)));
      }
      const OrderValues& order = window_[windowPosition_];
      const auto end = static_cast<int32_t>(std::min<int64_t>(order.numLines, line_ + count));
      appendLines(order, line_, end, targets);
      count -= end - line_;
      line_ = end;
      if (line_ == order.numLines) {
        line_ = 0;
        ++windowPosition_;
      }
    }
  }

 private:
  /// Generates the next `size` orders, prefetching their comments so that the cache misses of
  /// these random reads overlap.
  void fillWindow(int32_t size) {
    for (int32_t index = 0; index < size; ++index) {
      OrderValues& order = window_[index];
      orders_.next(order);
      if (pool_ != nullptr) {
        for (int32_t line = 0; line < order.numLines; ++line) {
          pool_->prefetch(order.lines[line].comment);
        }
      }
    }
    windowSize_ = size;
    windowPosition_ = 0;
  }

  void appendLines(
      const OrderValues& order, int32_t begin, int32_t end, const ColumnTargets& targets) {
    for (int32_t index = begin; index < end; ++index) {
      const LineValues& line = order.lines[index];
      if (auto* column = targets[kOrderKey]) {
        appendValue(column, order.orderKey);
      }
      if (auto* column = targets[kPartKey]) {
        appendValue(column, line.partKey);
      }
      if (auto* column = targets[kSuppKey]) {
        appendValue(column, line.suppKey);
      }
      if (auto* column = targets[kLineNumber]) {
        appendInt32(column, index + 1);
      }
      if (auto* column = targets[kQuantity]) {
        appendValue(column, line.quantity * 100);
      }
      if (auto* column = targets[kExtendedPrice]) {
        appendValue(column, line.extendedPrice);
      }
      if (auto* column = targets[kDiscount]) {
        appendValue(column, line.discount);
      }
      if (auto* column = targets[kTax]) {
        appendValue(column, line.tax);
      }
      if (auto* column = targets[kReturnFlag]) {
        appendString(column, std::string_view(&line.returnFlag, 1));
      }
      if (auto* column = targets[kLineStatus]) {
        appendString(column, std::string_view(&line.lineStatus, 1));
      }
      if (auto* column = targets[kShipDate]) {
        appendInt32(column, line.shipDate);
      }
      if (auto* column = targets[kCommitDate]) {
        appendInt32(column, line.commitDate);
      }
      if (auto* column = targets[kReceiptDate]) {
        appendInt32(column, line.receiptDate);
      }
      if (auto* column = targets[kShipInstruct]) {
        appendString(column, distributions_.shipInstructions.value(line.shipInstruct));
      }
      if (auto* column = targets[kShipMode]) {
        appendString(column, distributions_.shipModes.value(line.shipMode));
      }
      if (auto* column = targets[kComment]) {
        appendString(column, pool_->slice(line.comment));
      }
    }
  }

  const LineitemIndex& index_;
  const Distributions& distributions_;
  const TextPool* pool_;
  OrderLineGenerator orders_;
  std::array<OrderValues, kWindow> window_{};
  int32_t windowSize_{0};
  int32_t windowPosition_{0};
  int32_t line_{0};
};

} // namespace

std::unique_ptr<TableGenerator> makeLineitemGenerator(
    const TpchScale& scale, const LineitemIndex& index, const ColumnTargets& wanted) {
  return std::make_unique<LineitemGenerator>(scale, index, wanted);
}

} // namespace presto::tpch
