#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace presto::tpch::test {

/// Incremental MD5 (OpenSSL's implementation), for comparing generated data with dbgen's checksums.
class Md5 {
 public:
  Md5();
  ~Md5();

  Md5(const Md5&) = delete;
  Md5& operator=(const Md5&) = delete;

  void update(std::string_view bytes);

  /// The digest of everything passed to update(), as 32 lower-case hex digits. Ends the stream.
  std::string hexDigest();

  /// The digest of `bytes` alone.
  static std::string of(std::string_view bytes);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

} // namespace presto::tpch::test
