#include "Md5.h"

#include <openssl/evp.h>

#include <stdexcept>

namespace presto::tpch::test {

struct Md5::State {
  EVP_MD_CTX* context;
};

Md5::Md5() : state_(std::make_unique<State>()) {
  state_->context = EVP_MD_CTX_new();
  if (state_->context == nullptr || EVP_DigestInit_ex(state_->context, EVP_md5(), nullptr) != 1) {
    throw std::runtime_error("cannot initialize MD5");
  }
}

Md5::~Md5() {
  EVP_MD_CTX_free(state_->context);
}

void Md5::update(std::string_view bytes) {
  EVP_DigestUpdate(state_->context, bytes.data(), bytes.size());
}

std::string Md5::hexDigest() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(state_->context, digest, &length);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string text;
  for (unsigned int index = 0; index < length; ++index) {
    text.push_back(kHex[digest[index] >> 4]);
    text.push_back(kHex[digest[index] & 15]);
  }
  return text;
}

std::string Md5::of(std::string_view bytes) {
  Md5 md5;
  md5.update(bytes);
  return md5.hexDigest();
}

} // namespace presto::tpch::test
