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

uint32_t fieldsFor(const ColumnTargets& wanted) {
  uint32_t fields = 0;
  fields |= wanted.wants(kCustKey) ? kOrderCustomer : 0;
  fields |= wanted.wants(kOrderStatusColumn) ? kOrderStatus : 0;
  fields |= wanted.wants(kTotalPrice) ? kOrderTotalPrice : 0;
  fields |= wanted.wants(kOrderDate) ? kOrderDateField : 0;
  fields |= wanted.wants(kOrderPriorityColumn) ? kOrderPriority : 0;
  fields |= wanted.wants(kClerk) ? kOrderClerk : 0;
  fields |= wanted.wants(kComment) ? kOrderComment : 0;
  return fields;
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
    for (int64_t index = 0; index < count; ++index) {
      orders_.next(order_);
      if (auto* column = targets[kOrderKey]) {
        appendValue(column, order_.orderKey);
      }
      if (auto* column = targets[kCustKey]) {
        appendValue(column, order_.custKey);
      }
      if (auto* column = targets[kOrderStatusColumn]) {
        appendString(column, std::string_view(&order_.orderStatus, 1));
      }
      if (auto* column = targets[kTotalPrice]) {
        appendValue(column, order_.totalPrice);
      }
      if (auto* column = targets[kOrderDate]) {
        appendInt32(column, order_.orderDate);
      }
      if (auto* column = targets[kOrderPriorityColumn]) {
        appendString(column, priorities_.value(order_.priority));
      }
      if (auto* column = targets[kClerk]) {
        writePadded(
            "Clerk#",
            order_.clerk,
            9,
            column->strings.appendUninitialized(paddedLength("Clerk#", order_.clerk, 9)));
      }
      if (auto* column = targets[kShipPriority]) {
        appendInt32(column, 0);
      }
      if (auto* column = targets[kComment]) {
        appendString(column, pool_->slice(order_.comment));
      }
    }
  }

 private:
  const Distribution& priorities_;
  const TextPool* pool_;
  OrderLineGenerator orders_;
  OrderValues order_{};
};

} // namespace

std::unique_ptr<TableGenerator> makeOrdersGenerator(const TpchScale& scale, const ColumnTargets& wanted) {
  return std::make_unique<OrdersGenerator>(scale, wanted);
}

} // namespace presto::tpch
