#include <algorithm>
#include <array>

#include "connector/tpch/Distributions.h"
#include "connector/tpch/FieldFormat.h"
#include "connector/tpch/OrderLineGenerator.h"
#include "connector/tpch/TableGenerator.h"

namespace presto::tpch {
namespace {

enum OrdersColumn : int32_t {
  kOrderKey,
  kCustKey,
  kOrderStatusColumn,
  kTotalPrice,
  kOrderDate,
  kOrderPriorityColumn,
  kClerk,
  kShipPriority,
  kComment,
};

constexpr int32_t kWindow = 32;

uint32_t fieldsFor(const ColumnTargets& wanted) {
  uint32_t mask = 0;
  mask |= wanted.wants(kCustKey) ? fields::kOrderCustomer : 0;
  mask |= wanted.wants(kOrderStatusColumn) ? fields::kOrderStatus : 0;
  mask |= wanted.wants(kTotalPrice) ? fields::kOrderTotalPrice : 0;
  mask |= wanted.wants(kOrderDate) ? fields::kOrderDateField : 0;
  mask |= wanted.wants(kOrderPriorityColumn) ? fields::kOrderPriority : 0;
  mask |= wanted.wants(kClerk) ? fields::kOrderClerk : 0;
  mask |= wanted.wants(kComment) ? fields::kOrderComment : 0;
  return mask;
}

/// orders: row i is order index i + 1. The total price and status summarize the order's lines,
/// which are generated (without their text) when those columns are requested.
class OrdersGenerator final : public TableGenerator {
 public:
  OrdersGenerator(const TpchScale& scale, const ColumnTargets& wanted)
      : priorities_(Distributions::get().orderPriorities),
        pool_(wanted.wants(kComment) ? &TextPool::get() : nullptr),
        orders_(scale, fieldsFor(wanted)) {}

  void seek(int64_t row) override { orders_.seek(row); }

  void generate(int64_t count, const ColumnTargets& targets) override {
    // Orders are made a window at a time so that the comments' cache misses overlap.
    while (count > 0) {
      const auto size = static_cast<int32_t>(std::min<int64_t>(count, kWindow));
      for (int32_t index = 0; index < size; ++index) {
        orders_.next(window_[index]);
        if (pool_ != nullptr) {
          pool_->prefetch(window_[index].comment);
        }
      }
      for (int32_t index = 0; index < size; ++index) {
        append(window_[index], targets);
      }
      count -= size;
    }
  }

 private:
  void append(const OrderValues& order, const ColumnTargets& targets) {
    if (auto* column = targets[kOrderKey]) {
      appendValue(column, order.orderKey);
    }
    if (auto* column = targets[kCustKey]) {
      appendValue(column, order.custKey);
    }
    if (auto* column = targets[kOrderStatusColumn]) {
      appendString(column, std::string_view(&order.orderStatus, 1));
    }
    if (auto* column = targets[kTotalPrice]) {
      appendValue(column, order.totalPrice);
    }
    if (auto* column = targets[kOrderDate]) {
      appendInt32(column, order.orderDate);
    }
    if (auto* column = targets[kOrderPriorityColumn]) {
      appendString(column, priorities_.value(order.priority));
    }
    if (auto* column = targets[kClerk]) {
      writePadded(
          "Clerk#",
          order.clerk,
          9,
          column->strings.appendUninitialized(paddedLength("Clerk#", order.clerk, 9)));
    }
    if (auto* column = targets[kShipPriority]) {
      appendInt32(column, 0);
    }
    if (auto* column = targets[kComment]) {
      appendString(column, pool_->slice(order.comment));
    }
  }

  const Distribution& priorities_;
  const TextPool* pool_;
  OrderLineGenerator orders_;
  std::array<OrderValues, kWindow> window_{};
};

} // namespace

std::unique_ptr<TableGenerator> makeOrdersGenerator(
    const TpchScale& scale, const ColumnTargets& wanted) {
  return std::make_unique<OrdersGenerator>(scale, wanted);
}

} // namespace presto::tpch
