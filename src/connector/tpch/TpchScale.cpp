#include "connector/tpch/TpchScale.h"

#include <algorithm>
#include <cmath>

#include "common/Check.h"

namespace presto::tpch {
namespace {

constexpr int64_t kBaseParts = 200000;
constexpr int64_t kBaseSuppliers = 10000;
constexpr int64_t kBaseCustomers = 150000;
constexpr int64_t kBaseOrders = 1500000;
constexpr int64_t kBaseClerks = 1000;
constexpr double kMaxScaleFactor = 30000;

} // namespace

TpchScale::TpchScale(double scaleFactor) : scaleFactor_(scaleFactor) {
  PRESTO_USER_CHECK(
      std::isfinite(scaleFactor) && scaleFactor > 0,
      errors::INVALID_ARGUMENTS,
      "TPC-H scale factor must be positive: {}",
      scaleFactor);
  PRESTO_USER_CHECK(
      scaleFactor < kMaxScaleFactor,
      errors::NOT_SUPPORTED,
      "TPC-H scale factors of {} and above are not supported: {}",
      kMaxScaleFactor,
      scaleFactor);
  if (scaleFactor < 1) {
    const auto thousandths = static_cast<int64_t>(1000.0 * scaleFactor);
    const auto shrink = [thousandths](int64_t base) {
      return std::max<int64_t>(1, thousandths * base / 1000);
    };
    parts_ = shrink(kBaseParts);
    suppliers_ = shrink(kBaseSuppliers);
    customers_ = shrink(kBaseCustomers);
    orders_ = shrink(kBaseOrders);
    clerks_ = kBaseClerks;
  } else {
    const auto scale = static_cast<int64_t>(scaleFactor);
    parts_ = kBaseParts * scale;
    suppliers_ = kBaseSuppliers * scale;
    customers_ = kBaseCustomers * scale;
    orders_ = kBaseOrders * scale;
    clerks_ = kBaseClerks * scale;
  }
}

} // namespace presto::tpch
