#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <string>

namespace presto::server::http::test {

/// A plain TCP connection for sending arbitrary (also malformed) bytes to a server under test.
class RawConnection {
 public:
  explicit RawConnection(uint16_t port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
      throw std::runtime_error("connect failed");
    }
  }
  ~RawConnection() { ::close(fd_); }

  void send(const std::string& bytes) {
    size_t sent = 0;
    while (sent < bytes.size()) {
      ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) {
        return;
      }
      sent += static_cast<size_t>(n);
    }
  }

  /// Reads until the peer closes, `until` appears `count` times, or the timeout passes.
  std::string read(const std::string& until = "", int count = 1,
      std::chrono::milliseconds timeout = std::chrono::milliseconds(3000)) {
    std::string data;
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      if (!until.empty() && occurrences(data, until) >= count) {
        break;
      }
      pollfd poller{fd_, POLLIN, 0};
      if (::poll(&poller, 1, 20) <= 0) {
        continue;
      }
      char buffer[4096];
      ssize_t n = ::recv(fd_, buffer, sizeof(buffer), 0);
      if (n <= 0) {
        closed_ = true;
        break;
      }
      data.append(buffer, static_cast<size_t>(n));
    }
    return data;
  }

  bool closed() const { return closed_; }

 private:
  static int occurrences(const std::string& text, const std::string& needle) {
    int found = 0;
    for (size_t pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + needle.size())) {
      ++found;
    }
    return found;
  }

  int fd_;
  bool closed_ = false;
};

} // namespace presto::server::http::test
