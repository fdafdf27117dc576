#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include "connector/tpch/RandomStream.h"

namespace presto::tpch {

/// A comment: a slice of the text pool.
struct TextSlice {
  int64_t offset;
  int32_t length;
};

/// dbgen's text pool: one 300 MiB string of pseudo-English sentences built from the grammar in
/// dists.dss with the text-pool stream. Every comment column is a slice of it. The pool depends on
/// nothing but its own stream, so it is built once per process, on first use, and shared.
class TextPool {
 public:
  /// Size of the pool in bytes, 300 MiB.
  static constexpr int64_t kSize = 300 * 1024 * 1024;

  /// The process-wide pool; the first call builds it (about a second).
  static const TextPool& get();

  std::string_view slice(TextSlice slice) const {
    return std::string_view(text_.get() + slice.offset, slice.length);
  }

  std::string_view text() const { return std::string_view(text_.get(), kSize); }

  /// Hints that the slice will be read soon. Comments are random reads from 300 MiB, so each is
  /// a cache miss; generators prefetch the comments of upcoming rows to overlap those misses.
  void prefetch(TextSlice slice) const {
    const char* start = text_.get() + slice.offset;
    __builtin_prefetch(start);
    __builtin_prefetch(start + slice.length - 1);
  }

  TextPool(const TextPool&) = delete;
  TextPool& operator=(const TextPool&) = delete;

 private:
  TextPool();

  struct Free {
    void operator()(char* text) const;
  };

  std::unique_ptr<char[], Free> text_;
};

/// Draws the slice of a comment of average length `averageLength` as dbgen's TEXT does: the offset
/// first, then the length uniform on [0.4, 1.6] times the average. Two draws.
class CommentShape {
 public:
  explicit constexpr CommentShape(int32_t averageLength)
      : minLength_(static_cast<int32_t>(averageLength * 0.4)),
        maxLength_(static_cast<int32_t>(averageLength * 1.6)) {}

  TextSlice draw(RandomStream& stream) const {
    const int64_t offset = stream.uniform(0, TextPool::kSize - maxLength_);
    const auto length = static_cast<int32_t>(stream.uniform(minLength_, maxLength_));
    return TextSlice{offset, length};
  }

 private:
  int32_t minLength_;
  int32_t maxLength_;
};

} // namespace presto::tpch
