#pragma once

#include <cstdint>

#include "connector/tpch/RandomStream.h"

namespace presto::tpch {

/// dbgen's random streams: one per generated column, with the seed each starts from and its fixed
/// budget of draws per row of the owning table (per order for the lineitem streams, per part for
/// the partsupp streams).
struct StreamSpec {
  int64_t seed;
  int64_t drawsPerRow;
};

namespace streams {
inline constexpr StreamSpec kPartManufacturer{1, 1};
inline constexpr StreamSpec kPartBrand{46831694, 1};
inline constexpr StreamSpec kPartType{1841581359, 1};
inline constexpr StreamSpec kPartSize{1193163244, 1};
inline constexpr StreamSpec kPartContainer{727633698, 1};
inline constexpr StreamSpec kTextPool{933588178, 1};
inline constexpr StreamSpec kPartComment{804159733, 2};
inline constexpr StreamSpec kPartsuppAvailableQuantity{1671059989, 4};
inline constexpr StreamSpec kPartsuppSupplyCost{1051288424, 4};
inline constexpr StreamSpec kPartsuppComment{1961692154, 8};
inline constexpr StreamSpec kOrderClerk{1171034773, 1};
inline constexpr StreamSpec kOrderComment{276090261, 2};
inline constexpr StreamSpec kOrderDate{1066728069, 1};
inline constexpr StreamSpec kLineQuantity{209208115, 7};
inline constexpr StreamSpec kLineDiscount{554590007, 7};
inline constexpr StreamSpec kLineTax{721958466, 7};
inline constexpr StreamSpec kLineShipInstruct{1371272478, 7};
inline constexpr StreamSpec kLineShipMode{675466456, 7};
inline constexpr StreamSpec kLinePartKey{1808217256, 7};
inline constexpr StreamSpec kLineSupplierSlot{2095021727, 7};
inline constexpr StreamSpec kLineShipDate{1769349045, 7};
inline constexpr StreamSpec kLineCommitDate{904914315, 7};
inline constexpr StreamSpec kLineReceiptDate{373135028, 7};
inline constexpr StreamSpec kLineReturnFlag{717419739, 7};
inline constexpr StreamSpec kLineComment{1095462486, 14};
inline constexpr StreamSpec kCustomerAddress{881155353, 9};
inline constexpr StreamSpec kCustomerNation{1489529863, 1};
inline constexpr StreamSpec kCustomerPhone{1521138112, 3};
inline constexpr StreamSpec kCustomerAccountBalance{298370230, 1};
inline constexpr StreamSpec kCustomerSegment{1140279430, 1};
inline constexpr StreamSpec kCustomerComment{1335826707, 2};
inline constexpr StreamSpec kSupplierAddress{706178559, 9};
inline constexpr StreamSpec kSupplierNation{110356601, 1};
inline constexpr StreamSpec kSupplierPhone{884434366, 3};
inline constexpr StreamSpec kSupplierAccountBalance{962338209, 1};
inline constexpr StreamSpec kSupplierComment{1341315363, 2};
inline constexpr StreamSpec kPartName{709314158, 92};
inline constexpr StreamSpec kOrderPriority{591449447, 1};
inline constexpr StreamSpec kOrderCustomer{851767375, 1};
inline constexpr StreamSpec kNationComment{606179079, 2};
inline constexpr StreamSpec kRegionComment{1500869201, 2};
inline constexpr StreamSpec kOrderLineCount{1434868289, 1};
inline constexpr StreamSpec kSupplierComplaintGap{263032577, 1};
inline constexpr StreamSpec kSupplierComplaintKind{753643799, 1};
inline constexpr StreamSpec kSupplierComplaintSelector{202794285, 1};
inline constexpr StreamSpec kSupplierComplaintOffset{715851524, 1};
} // namespace streams

/// A RowStream for a stream of the table above.
inline RowStream makeRowStream(const StreamSpec& spec) {
  return RowStream(spec.seed, spec.drawsPerRow);
}

} // namespace presto::tpch
