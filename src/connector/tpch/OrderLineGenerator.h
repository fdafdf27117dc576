#pragma once

#include <array>
#include <cstdint>

#include "connector/tpch/RandomStream.h"
#include "connector/tpch/TextPool.h"
#include "connector/tpch/TpchScale.h"

namespace presto::tpch {

/// The values of one lineitem row, before formatting.
struct LineValues {
  int64_t partKey;
  int64_t suppKey;
  int64_t quantity;
  int64_t extendedPrice;
  int64_t discount;
  int64_t tax;
  int32_t shipDate;
  int32_t commitDate;
  int32_t receiptDate;
  char returnFlag;
  char lineStatus;
  int32_t shipInstruct;
  int32_t shipMode;
  TextSlice comment;
};

/// The values of one order and its lines, before formatting.
struct OrderValues {
  /// Maximum number of lines of an order.
  static constexpr int32_t kMaxLines = 7;

  int64_t orderKey;
  int64_t custKey;
  int32_t orderDate;
  int32_t priority;
  int64_t clerk;
  TextSlice comment;
  int64_t totalPrice;
  char orderStatus;
  int32_t numLines;
  std::array<LineValues, kMaxLines> lines;
};

/// Bits of the mask of values OrderLineGenerator computes; everything else is left unset and its
/// draws skipped.
namespace fields {
inline constexpr uint32_t kOrderCustomer = 1 << 0;
inline constexpr uint32_t kOrderDateField = 1 << 1;
inline constexpr uint32_t kOrderPriority = 1 << 2;
inline constexpr uint32_t kOrderClerk = 1 << 3;
inline constexpr uint32_t kOrderComment = 1 << 4;
inline constexpr uint32_t kOrderTotalPrice = 1 << 5;
inline constexpr uint32_t kOrderStatus = 1 << 6;
// Part key, quantity, discount, tax and extended price.
inline constexpr uint32_t kLinePricing = 1 << 7;
inline constexpr uint32_t kLineSupplier = 1 << 8;
// Ship, commit and receipt dates and the line status.
inline constexpr uint32_t kLineDates = 1 << 9;
inline constexpr uint32_t kLineReturnFlag = 1 << 10;
inline constexpr uint32_t kLineShipInstruct = 1 << 11;
inline constexpr uint32_t kLineShipMode = 1 << 12;
inline constexpr uint32_t kLineComment = 1 << 13;
} // namespace fields

/// Generates orders together with their lines, as dbgen does, from any order on. Order-level
/// streams advance one budget per order, line-level streams one budget (7 draws, 14 for comments)
/// per order whatever its number of lines.
class OrderLineGenerator {
 public:
  /// `mask` combines bits of `fields::`. What they depend on is added automatically: the line
  /// dates need the order date, the total price needs the line pricing, and so on.
  OrderLineGenerator(const TpchScale& scale, uint32_t mask);

  /// Positions at order index `order` (0-based).
  void seek(int64_t order);

  /// Fills `values` with the current order and moves to the next.
  void next(OrderValues& values);

 private:
  enum Stream : int32_t {
    kCustomerStream,
    kOrderDateStream,
    kPriorityStream,
    kClerkStream,
    kOrderCommentStream,
    kLineCountStream,
    kQuantityStream,
    kDiscountStream,
    kTaxStream,
    kShipInstructStream,
    kShipModeStream,
    kPartKeyStream,
    kSupplierSlotStream,
    kShipDateStream,
    kCommitDateStream,
    kReceiptDateStream,
    kReturnFlagStream,
    kLineCommentStream,
    kNumStreams,
  };

  bool has(uint32_t field) const { return (fields_ & field) != 0; }
  RandomStream start(Stream stream) const { return streams_[stream].start(); }
  void generateLines(OrderValues& values);

  const TpchScale scale_;
  uint32_t fields_;
  int64_t order_{0};
  std::array<RowStream, kNumStreams> streams_;
};

} // namespace presto::tpch
