#include "connector/tpch/TpchGenerator.h"

#include "connector/tpch/LineitemIndex.h"
#include "connector/tpch/TpchReader.h"

namespace presto::tpch {
namespace {

constexpr int64_t kSuppliersPerPart = 4;
constexpr int64_t kNations = 25;
constexpr int64_t kRegions = 5;

} // namespace

TpchGenerator::TpchGenerator(double scaleFactor) : scale_(scaleFactor) {}

TpchGenerator::~TpchGenerator() = default;

int64_t TpchGenerator::rowCount(TpchTable table) const {
  switch (table) {
    case TpchTable::kPart:
      return scale_.parts();
    case TpchTable::kPartsupp:
      return scale_.parts() * kSuppliersPerPart;
    case TpchTable::kSupplier:
      return scale_.suppliers();
    case TpchTable::kCustomer:
      return scale_.customers();
    case TpchTable::kOrders:
      return scale_.orders();
    case TpchTable::kLineitem:
      return lineitemIndex().totalLines();
    case TpchTable::kNation:
      return kNations;
    case TpchTable::kRegion:
      return kRegions;
  }
  return 0;
}

void TpchGenerator::generate(
    TpchTable table,
    int64_t begin,
    int64_t end,
    std::span<const int32_t> columnOrdinals,
    TpchBatch& batch) const {
  TpchReader reader(
      *this, table, begin, end, std::vector<int32_t>(columnOrdinals.begin(), columnOrdinals.end()));
  if (!reader.next(end - begin, batch)) {
    batch.reset(table, columnOrdinals);
  }
}

const LineitemIndex& TpchGenerator::lineitemIndex() const {
  std::call_once(lineitemIndexBuilt_, [this] {
    lineitemIndex_ = std::make_unique<LineitemIndex>(scale_.orders());
  });
  return *lineitemIndex_;
}

} // namespace presto::tpch
