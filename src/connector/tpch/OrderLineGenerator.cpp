#include "connector/tpch/OrderLineGenerator.h"

#include "connector/tpch/Distributions.h"
#include "connector/tpch/PartKeys.h"
#include "connector/tpch/StreamSeeds.h"
#include "connector/tpch/TpchDate.h"

namespace presto::tpch {
namespace {

constexpr CommentShape kOrderCommentShape(49);
constexpr CommentShape kLineCommentShape(27);

// Order dates leave room for the longest ship and receipt delays before the end of 1998.
constexpr int64_t kFirstOrderDay = kStartDayNumber;
constexpr int64_t kLastOrderDay = kStartDayNumber + 2557 - (121 + 30) - 1;

uint32_t withDependencies(uint32_t mask) {
  if (mask & fields::kOrderTotalPrice) {
    mask |= fields::kLinePricing;
  }
  if (mask & (fields::kOrderStatus | fields::kLineReturnFlag)) {
    mask |= fields::kLineDates;
  }
  if (mask & fields::kLineDates) {
    mask |= fields::kOrderDateField;
  }
  if (mask & fields::kLineSupplier) {
    mask |= fields::kLinePricing;
  }
  return mask;
}

/// o_custkey: uniform on [1, customers], but customers whose key is a multiple of 3 never order;
/// such a draw moves to the next key (or the previous one at the top of the range).
int64_t drawCustomer(RandomStream& stream, int64_t customers) {
  int64_t key = stream.uniform(1, customers);
  int64_t delta = 1;
  while (key % 3 == 0) {
    key += delta;
    key = std::min(key, customers);
    delta = -delta;
  }
  return key;
}

} // namespace

OrderLineGenerator::OrderLineGenerator(const TpchScale& scale, uint32_t mask)
    : scale_(scale),
      fields_(withDependencies(mask)),
      streams_{
          makeRowStream(streams::kOrderCustomer),
          makeRowStream(streams::kOrderDate),
          makeRowStream(streams::kOrderPriority),
          makeRowStream(streams::kOrderClerk),
          makeRowStream(streams::kOrderComment),
          makeRowStream(streams::kOrderLineCount),
          makeRowStream(streams::kLineQuantity),
          makeRowStream(streams::kLineDiscount),
          makeRowStream(streams::kLineTax),
          makeRowStream(streams::kLineShipInstruct),
          makeRowStream(streams::kLineShipMode),
          makeRowStream(streams::kLinePartKey),
          makeRowStream(streams::kLineSupplierSlot),
          makeRowStream(streams::kLineShipDate),
          makeRowStream(streams::kLineCommitDate),
          makeRowStream(streams::kLineReceiptDate),
          makeRowStream(streams::kLineReturnFlag),
          makeRowStream(streams::kLineComment),
      } {
  if (fields_ & (fields::kOrderComment | fields::kLineComment)) {
    TextPool::get();
  }
}

void OrderLineGenerator::seek(int64_t order) {
  order_ = order;
  for (RowStream& stream : streams_) {
    stream.seek(order);
  }
}

void OrderLineGenerator::next(OrderValues& values) {
  values.orderKey = orderKey(order_ + 1);
  if (has(fields::kOrderCustomer)) {
    RandomStream stream = start(kCustomerStream);
    values.custKey = drawCustomer(stream, scale_.customers());
  }
  if (has(fields::kOrderDateField)) {
    RandomStream stream = start(kOrderDateStream);
    values.orderDate = dayNumberToDate(stream.uniform(kFirstOrderDay, kLastOrderDay));
  }
  if (has(fields::kOrderPriority)) {
    RandomStream stream = start(kPriorityStream);
    values.priority = Distributions::get().orderPriorities.pick(stream);
  }
  if (has(fields::kOrderClerk)) {
    RandomStream stream = start(kClerkStream);
    values.clerk = stream.uniform(1, scale_.clerks());
  }
  if (has(fields::kOrderComment)) {
    RandomStream stream = start(kOrderCommentStream);
    values.comment = kOrderCommentShape.draw(stream);
  }
  RandomStream lineCountStream = start(kLineCountStream);
  values.numLines = static_cast<int32_t>(lineCountStream.uniform(1, OrderValues::kMaxLines));
  generateLines(values);
  for (RowStream& stream : streams_) {
    stream.nextRow();
  }
  ++order_;
}

void OrderLineGenerator::generateLines(OrderValues& values) {
  const Distributions& distributions = Distributions::get();
  RandomStream quantityStream = start(kQuantityStream);
  RandomStream discountStream = start(kDiscountStream);
  RandomStream taxStream = start(kTaxStream);
  RandomStream partKeyStream = start(kPartKeyStream);
  RandomStream supplierSlotStream = start(kSupplierSlotStream);
  RandomStream shipDateStream = start(kShipDateStream);
  RandomStream commitDateStream = start(kCommitDateStream);
  RandomStream receiptDateStream = start(kReceiptDateStream);
  RandomStream returnFlagStream = start(kReturnFlagStream);
  RandomStream shipInstructStream = start(kShipInstructStream);
  RandomStream shipModeStream = start(kShipModeStream);
  RandomStream commentStream = start(kLineCommentStream);
  int64_t totalPrice = 0;
  int32_t shippedLines = 0;
  for (int32_t index = 0; index < values.numLines; ++index) {
    LineValues& line = values.lines[index];
    if (has(fields::kLinePricing)) {
      line.quantity = quantityStream.uniform(1, 50);
      line.discount = discountStream.uniform(0, 10);
      line.tax = taxStream.uniform(0, 8);
      line.partKey = partKeyStream.uniform(1, scale_.parts());
      line.extendedPrice = partRetailPrice(line.partKey) * line.quantity;
      // Truncate after the discount, then after the tax, as dbgen does.
      totalPrice += line.extendedPrice * (100 - line.discount) / 100 * (100 + line.tax) / 100;
    }
    if (has(fields::kLineSupplier)) {
      const int64_t slot = supplierSlotStream.uniform(0, 3);
      line.suppKey = partSupplier(line.partKey, slot, scale_.suppliers());
    }
    if (has(fields::kLineDates)) {
      line.shipDate = values.orderDate + static_cast<int32_t>(shipDateStream.uniform(1, 121));
      line.commitDate = values.orderDate + static_cast<int32_t>(commitDateStream.uniform(30, 90));
      line.receiptDate = line.shipDate + static_cast<int32_t>(receiptDateStream.uniform(1, 30));
      const bool shipped = line.shipDate <= kCurrentDate;
      line.lineStatus = shipped ? 'F' : 'O';
      shippedLines += shipped ? 1 : 0;
    }
    if (has(fields::kLineReturnFlag)) {
      // Only settled lines draw a flag; the row-end realignment absorbs the missing draws.
      if (line.receiptDate <= kCurrentDate) {
        const Distribution& flags = distributions.returnFlags;
        line.returnFlag = flags.value(flags.pick(returnFlagStream))[0];
      } else {
        line.returnFlag = 'N';
      }
    }
    if (has(fields::kLineShipInstruct)) {
      line.shipInstruct = distributions.shipInstructions.pick(shipInstructStream);
    }
    if (has(fields::kLineShipMode)) {
      line.shipMode = distributions.shipModes.pick(shipModeStream);
    }
    if (has(fields::kLineComment)) {
      line.comment = kLineCommentShape.draw(commentStream);
    }
  }
  values.totalPrice = totalPrice;
  if (has(fields::kOrderStatus)) {
    values.orderStatus = shippedLines == values.numLines ? 'F' : shippedLines == 0 ? 'O' : 'P';
  }
}

} // namespace presto::tpch
