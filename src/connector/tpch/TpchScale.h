#pragma once

#include <cstdint>

namespace presto::tpch {

/// A TPC-H scale factor and the table sizes dbgen derives from it.
///
/// dbgen's rules: below 1, the counts are max(1, floor(1000 * SF) * base / 1000) and the integer
/// scale is 1; from 1 up, the scale is the truncated SF (so 1.5 behaves like 1) and every count is
/// base * scale. The integer scale also sets the clerk range. Scale factors of 30000 and above,
/// where dbgen switches two columns to a 64-bit generator that cannot be skipped ahead, are
/// rejected.
class TpchScale {
 public:
  /// REQUIRES: 0 < scaleFactor < 30000; otherwise throws a user error.
  explicit TpchScale(double scaleFactor);

  double scaleFactor() const { return scaleFactor_; }
  int64_t parts() const { return parts_; }
  int64_t suppliers() const { return suppliers_; }
  int64_t customers() const { return customers_; }
  int64_t orders() const { return orders_; }
  /// Clerks are numbered 1..clerks().
  int64_t clerks() const { return clerks_; }

 private:
  double scaleFactor_;
  int64_t parts_;
  int64_t suppliers_;
  int64_t customers_;
  int64_t orders_;
  int64_t clerks_;
};

} // namespace presto::tpch
