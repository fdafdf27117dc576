#include "common/memory/MemoryPool.h"

#include <algorithm>

#include "common/Check.h"
#include "common/Duration.h"
#include "common/Logging.h"

namespace presto {

std::shared_ptr<MemoryPool> MemoryPool::createRoot(std::string name, int64_t limit, ErrorCode limitError) {
  return std::shared_ptr<MemoryPool>(new MemoryPool(std::move(name), limit, limitError, nullptr));
}

MemoryPool::MemoryPool(std::string name, int64_t limit, ErrorCode limitError, std::shared_ptr<MemoryPool> parent)
    : name_(std::move(name)),
      limit_(limit),
      limitError_(limitError),
      parent_(std::move(parent)),
      mutex_(parent_ ? parent_->mutex_ : std::make_shared<std::mutex>()) {}

std::shared_ptr<MemoryPool> MemoryPool::addChild(std::string name, int64_t limit, ErrorCode limitError) {
  auto child = std::shared_ptr<MemoryPool>(new MemoryPool(std::move(name), limit, limitError, shared_from_this()));
  std::lock_guard<std::mutex> lock(*mutex_);
  std::erase_if(children_, [](const auto& weak) { return weak.expired(); });
  children_.push_back(child);
  return child;
}

MemoryPool::~MemoryPool() {
  if (!closed_ && userBytes_ + systemBytes_ != 0) {
    LOG_ERROR("Memory pool {} destroyed with {} bytes still reserved", name_, userBytes_ + systemBytes_);
    if (parent_) {
      if (userBytes_ > 0) parent_->release(userBytes_, MemoryKind::kUser);
      if (systemBytes_ > 0) parent_->release(systemBytes_, MemoryKind::kSystem);
    }
  }
}

void MemoryPool::reserve(int64_t bytes, MemoryKind kind) {
  PRESTO_CHECK(bytes >= 0, "negative reservation {}", bytes);
  if (bytes == 0) {
    return;
  }
  std::lock_guard<std::mutex> lock(*mutex_);
  PRESTO_CHECK(!closed_, "reservation on closed memory pool {}", name_);
  for (auto* pool = this; pool; pool = pool->parent_.get()) {
    int64_t total = pool->userBytes_ + pool->systemBytes_;
    if (total + bytes > pool->limit_) {
      throw PrestoException(pool->limitError_,
          fmt::format("Query exceeded {} memory limit of {} [Allocated: {}, Delta: {}, Top Consumers: {{{}}}]",
              pool->parent_ ? "per-" + pool->name_ : "per-node", succinctBytes(pool->limit_), succinctBytes(total),
              succinctBytes(bytes), pool->topConsumersLocked(3)));
    }
  }
  for (auto* pool = this; pool; pool = pool->parent_.get()) {
    (kind == MemoryKind::kUser ? pool->userBytes_ : pool->systemBytes_) += bytes;
    pool->peakBytes_ = std::max(pool->peakBytes_, pool->userBytes_ + pool->systemBytes_);
  }
}

void MemoryPool::release(int64_t bytes, MemoryKind kind) {
  if (bytes == 0) {
    return;
  }
  std::lock_guard<std::mutex> lock(*mutex_);
  PRESTO_CHECK(bytes > 0 && bytes <= (kind == MemoryKind::kUser ? userBytes_ : systemBytes_),
      "release of {} bytes from pool {} exceeds its reservation", bytes, name_);
  for (auto* pool = this; pool; pool = pool->parent_.get()) {
    (kind == MemoryKind::kUser ? pool->userBytes_ : pool->systemBytes_) -= bytes;
  }
}

void MemoryPool::close() {
  int64_t user;
  int64_t system;
  {
    std::lock_guard<std::mutex> lock(*mutex_);
    if (closed_) {
      return;
    }
    user = userBytes_;
    system = systemBytes_;
  }
  if (user > 0) release(user, MemoryKind::kUser);
  if (system > 0) release(system, MemoryKind::kSystem);
  {
    std::lock_guard<std::mutex> lock(*mutex_);
    closed_ = true;
  }
  PRESTO_CHECK(user + system == 0, "memory leak: pool {} closed with {} user and {} system bytes reserved",
      qualifiedName(), user, system);
}

int64_t MemoryPool::userBytes() const {
  std::lock_guard<std::mutex> lock(*mutex_);
  return userBytes_;
}

int64_t MemoryPool::systemBytes() const {
  std::lock_guard<std::mutex> lock(*mutex_);
  return systemBytes_;
}

int64_t MemoryPool::totalBytes() const {
  std::lock_guard<std::mutex> lock(*mutex_);
  return userBytes_ + systemBytes_;
}

int64_t MemoryPool::peakBytes() const {
  std::lock_guard<std::mutex> lock(*mutex_);
  return peakBytes_;
}

std::string MemoryPool::qualifiedName() const {
  return parent_ ? parent_->qualifiedName() + "." + name_ : name_;
}

// Called with the tree's mutex held.
void MemoryPool::collectLeaves(std::vector<const MemoryPool*>& out) const {
  bool hasLiveChild = false;
  for (const auto& weak : children_) {
    if (auto child = weak.lock()) {
      hasLiveChild = true;
      child->collectLeaves(out);
    }
  }
  if (!hasLiveChild && userBytes_ + systemBytes_ > 0) {
    out.push_back(this);
  }
}

std::string MemoryPool::topConsumers(size_t count) const {
  std::lock_guard<std::mutex> lock(*mutex_);
  return topConsumersLocked(count);
}

// Called with the tree's mutex held.
std::string MemoryPool::topConsumersLocked(size_t count) const {
  std::vector<const MemoryPool*> leaves;
  collectLeaves(leaves);
  std::sort(leaves.begin(), leaves.end(), [](auto* left, auto* right) {
    return left->userBytes_ + left->systemBytes_ > right->userBytes_ + right->systemBytes_;
  });
  std::string result;
  for (size_t i = 0; i < leaves.size() && i < count; ++i) {
    result += fmt::format("{}{}={}", i ? ", " : "", leaves[i]->name_,
        succinctBytes(leaves[i]->userBytes_ + leaves[i]->systemBytes_));
  }
  return result;
}

MemoryReservation::~MemoryReservation() {
  if (bytes_ > 0) {
    pool_->release(bytes_, kind_);
  }
}

void MemoryReservation::resize(int64_t bytes) {
  if (bytes > bytes_) {
    pool_->reserve(bytes - bytes_, kind_);
  } else if (bytes < bytes_) {
    pool_->release(bytes_ - bytes, kind_);
  }
  bytes_ = bytes;
}

} // namespace presto
