#include "exec/Future.h"

namespace presto::exec {

ContinueFuture ContinueFuture::makeReady() {
  auto state = std::make_shared<State>();
  state->ready = true;
  return ContinueFuture(std::move(state));
}

bool ContinueFuture::isReady() const {
  std::lock_guard<std::mutex> lock(state_->mutex);
  return state_->ready;
}

void ContinueFuture::then(std::function<void()> callback) const {
  {
    std::lock_guard<std::mutex> lock(state_->mutex);
    if (!state_->ready) {
      state_->callbacks.push_back(std::move(callback));
      return;
    }
  }
  callback();
}

ContinuePromise& ContinuePromise::operator=(ContinuePromise&& other) noexcept {
  if (this != &other) {
    setValue();
    state_ = std::move(other.state_);
  }
  return *this;
}

ContinuePromise::~ContinuePromise() {
  setValue();
}

void ContinuePromise::setValue() {
  if (!state_) {
    return;
  }
  std::vector<std::function<void()>> callbacks;
  {
    std::lock_guard<std::mutex> lock(state_->mutex);
    if (state_->ready) {
      return;
    }
    state_->ready = true;
    callbacks.swap(state_->callbacks);
  }
  for (auto& callback : callbacks) {
    callback();
  }
}

ContinueFuture anyOf(const std::vector<ContinueFuture>& futures) {
  auto promise = std::make_shared<ContinuePromise>();
  auto result = promise->future();
  for (const auto& future : futures) {
    future.then([promise] { promise->setValue(); });
  }
  return result;
}

void notifyAll(std::vector<ContinuePromise>& promises) {
  auto pending = std::move(promises);
  promises.clear();
  for (auto& promise : pending) {
    promise.setValue();
  }
}

} // namespace presto::exec
