#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace presto::exec {

/// A one-shot signal without a value: "you may continue". Operators hand a ContinueFuture to the
/// driver instead of blocking a thread; the executor registers a callback and re-queues the driver
/// when the promise side is fulfilled. Callbacks run on the thread that fulfils the promise, or
/// immediately on the registering thread when the future is already complete.
class ContinueFuture {
 public:
  /// An empty future (not valid).
  ContinueFuture() = default;

  /// A future that is already complete.
  static ContinueFuture makeReady();

  bool valid() const { return state_ != nullptr; }
  /// REQUIRES: valid().
  bool isReady() const;
  /// Runs `callback` once the future completes (now, if it already has).
  /// REQUIRES: valid().
  void then(std::function<void()> callback) const;

 private:
  friend class ContinuePromise;

  struct State {
    std::mutex mutex;
    bool ready = false;
    std::vector<std::function<void()>> callbacks;
  };

  explicit ContinueFuture(std::shared_ptr<State> state) : state_(std::move(state)) {}

  std::shared_ptr<State> state_;
};

/// The producing side of a ContinueFuture. A promise destroyed without setValue() completes its
/// future, so that a waiter is never stranded: it wakes up and re-checks its condition.
class ContinuePromise {
 public:
  ContinuePromise() : state_(std::make_shared<ContinueFuture::State>()) {}
  ContinuePromise(ContinuePromise&& other) noexcept = default;
  ContinuePromise& operator=(ContinuePromise&& other) noexcept;
  ContinuePromise(const ContinuePromise&) = delete;
  ContinuePromise& operator=(const ContinuePromise&) = delete;
  ~ContinuePromise();

  ContinueFuture future() const { return ContinueFuture(state_); }
  /// Completes the future and runs its callbacks. Later calls do nothing.
  void setValue();

 private:
  std::shared_ptr<ContinueFuture::State> state_;
};

/// A future that completes as soon as one of `futures` does (at once if one already has).
/// REQUIRES: `futures` is not empty and every future is valid.
ContinueFuture anyOf(const std::vector<ContinueFuture>& futures);

/// Completes every promise in `promises` (outside of any lock the caller holds) and clears it.
void notifyAll(std::vector<ContinuePromise>& promises);

} // namespace presto::exec
