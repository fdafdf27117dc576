#include "server/http/InternalAuthentication.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <charconv>

#include <fmt/format.h>

#include "common/Check.h"

namespace presto::server::http {
namespace {

constexpr auto kValidity = std::chrono::minutes(5);

int64_t nowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

/// Compares without returning early, so that the time taken does not tell how much matched.
bool constantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  unsigned char difference = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    difference |= static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return difference == 0;
}

} // namespace

InternalAuthentication::InternalAuthentication(std::string sharedSecret, std::string nodeId)
    : secret_(std::move(sharedSecret)), nodeId_(std::move(nodeId)) {
  PRESTO_CHECK(!secret_.empty(), "internal authentication needs a shared secret");
}

std::string InternalAuthentication::signature(std::string_view payload) const {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret_.data(), static_cast<int>(secret_.size()),
      reinterpret_cast<const unsigned char*>(payload.data()), payload.size(), digest, &length);
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex += fmt::format("{:02x}", digest[i]);
  }
  return hex;
}

std::string InternalAuthentication::token() const {
  auto expiry = nowSeconds() + std::chrono::duration_cast<std::chrono::seconds>(kValidity).count();
  auto payload = fmt::format("{}.{}", nodeId_, expiry);
  return payload + "." + signature(payload);
}

void InternalAuthentication::sign(HttpHeaders& headers) const {
  headers.add(std::string(kHeader), token());
}

std::optional<std::string> InternalAuthentication::check(const HttpRequest& request) const {
  auto token = request.headers.get(kHeader);
  if (!token) {
    return fmt::format("missing {}", kHeader);
  }
  // The node id may contain dots: the expiry and signature are the last two parts.
  auto signatureDot = token->rfind('.');
  auto expiryDot = signatureDot == std::string::npos || signatureDot == 0 ? std::string::npos
                                                                          : token->rfind('.', signatureDot - 1);
  if (expiryDot == std::string::npos) {
    return "malformed token";
  }
  std::string_view text(*token);
  auto payload = text.substr(0, signatureDot);
  auto expiryText = text.substr(expiryDot + 1, signatureDot - expiryDot - 1);
  int64_t expiry = 0;
  if (std::from_chars(expiryText.data(), expiryText.data() + expiryText.size(), expiry).ec != std::errc()) {
    return "malformed token";
  }
  if (!constantTimeEquals(text.substr(signatureDot + 1), signature(payload))) {
    return "invalid signature";
  }
  if (expiry < nowSeconds()) {
    return "expired token";
  }
  return std::nullopt;
}

} // namespace presto::server::http
