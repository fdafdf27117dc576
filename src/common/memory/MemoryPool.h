#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/ErrorCode.h"

namespace presto {

/// How reserved memory is classified: user memory grows with the data a query processes (hash
/// tables, sort buffers); system memory is the engine's own overhead (exchange and output buffers).
enum class MemoryKind { kUser, kSystem };

/// A node in the memory accounting tree: node -> query -> task -> operator. Reservations made on a
/// pool count against that pool and every ancestor; if any of them would pass its limit, nothing is
/// reserved and the call throws (by default EXCEEDED_LOCAL_MEMORY_LIMIT) naming the top consumers
/// under the pool whose limit was hit. Pools track their peak and check for leaks when closed.
///
/// Thread-safe: the whole tree shares one mutex, taken once per reservation (operators reserve per
/// page or per growth step, not per row).
class MemoryPool : public std::enable_shared_from_this<MemoryPool> {
 public:
  static constexpr int64_t kUnlimited = std::numeric_limits<int64_t>::max();

  /// Creates the root of a tree (usually the node's pool).
  static std::shared_ptr<MemoryPool> createRoot(
      std::string name, int64_t limit = kUnlimited, ErrorCode limitError = errors::EXCEEDED_LOCAL_MEMORY_LIMIT);

  /// Creates a child pool. `limitError` is the error raised when this pool's own limit is hit
  /// (a query pool in a cluster uses EXCEEDED_GLOBAL_MEMORY_LIMIT).
  std::shared_ptr<MemoryPool> addChild(
      std::string name, int64_t limit = kUnlimited, ErrorCode limitError = errors::EXCEEDED_LOCAL_MEMORY_LIMIT);

  MemoryPool(const MemoryPool&) = delete;
  MemoryPool& operator=(const MemoryPool&) = delete;
  ~MemoryPool();

  /// Reserves `bytes` (> 0) or throws, leaving every counter unchanged.
  void reserve(int64_t bytes, MemoryKind kind = MemoryKind::kUser);
  /// Returns `bytes` earlier reserved with the same kind.
  /// REQUIRES: bytes <= the current reservation of that kind.
  void release(int64_t bytes, MemoryKind kind = MemoryKind::kUser);

  /// Ends the pool's life: throws GENERIC_INTERNAL_ERROR if memory is still reserved (a leak),
  /// after returning that memory to the ancestors.
  void close();

  const std::string& name() const { return name_; }
  int64_t limit() const { return limit_; }
  int64_t userBytes() const;
  int64_t systemBytes() const;
  int64_t totalBytes() const;
  int64_t peakBytes() const;
  /// Names and totals of the largest live descendants, largest first (`name=12.5MB`).
  std::string topConsumers(size_t count) const;

 private:
  MemoryPool(std::string name, int64_t limit, ErrorCode limitError, std::shared_ptr<MemoryPool> parent);

  std::string qualifiedName() const;
  std::string topConsumersLocked(size_t count) const;
  void collectLeaves(std::vector<const MemoryPool*>& out) const;

  const std::string name_;
  const int64_t limit_;
  const ErrorCode limitError_;
  const std::shared_ptr<MemoryPool> parent_;
  const std::shared_ptr<std::mutex> mutex_;  // shared by the whole tree

  // Guarded by *mutex_.
  int64_t userBytes_ = 0;
  int64_t systemBytes_ = 0;
  int64_t peakBytes_ = 0;
  bool closed_ = false;
  std::vector<std::weak_ptr<MemoryPool>> children_;
};

using MemoryPoolPtr = std::shared_ptr<MemoryPool>;

/// An RAII reservation that follows a structure's size: `resize(n)` reserves or releases the
/// difference, and destruction releases everything.
class MemoryReservation {
 public:
  MemoryReservation(MemoryPoolPtr pool, MemoryKind kind) : pool_(std::move(pool)), kind_(kind) {}
  MemoryReservation(const MemoryReservation&) = delete;
  MemoryReservation& operator=(const MemoryReservation&) = delete;
  ~MemoryReservation();

  /// Sets the reservation to `bytes`; throws (reserving nothing more) if a limit is hit.
  void resize(int64_t bytes);
  int64_t bytes() const { return bytes_; }

 private:
  MemoryPoolPtr pool_;
  MemoryKind kind_;
  int64_t bytes_ = 0;
};

} // namespace presto
