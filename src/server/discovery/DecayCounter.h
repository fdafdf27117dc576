#pragma once

#include <chrono>
#include <cmath>

namespace presto::server::discovery {

/// A count whose past additions fade exponentially: an addition made `window` ago weighs 1/e.
/// Gives "recent" request and failure counts without keeping a history. Not thread-safe.
class DecayCounter {
 public:
  using Clock = std::chrono::steady_clock;

  explicit DecayCounter(Clock::duration window) : window_(window) {}

  void add(double count, Clock::time_point now) {
    value_ = value(now) + count;
    updated_ = now;
  }

  double value(Clock::time_point now) const {
    if (now <= updated_) {
      return value_;
    }
    return value_ * std::exp(-std::chrono::duration<double>(now - updated_) / window_);
  }

 private:
  Clock::duration window_;
  double value_ = 0;
  Clock::time_point updated_{};
};

} // namespace presto::server::discovery
