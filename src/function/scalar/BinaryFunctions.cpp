#include <openssl/evp.h>
#include <xxhash.h>

#include "function/BuiltinFunctions.h"
#include "function/SimpleFunction.h"

namespace presto {
namespace {

FunctionMetadata describe(std::string description) {
  return {FunctionKind::kScalar, true, std::move(description), false};
}

/// md5, sha1, sha256, sha512 through OpenSSL's EVP digests.
template <const EVP_MD* (*kDigest)()>
struct DigestFunction {
  void call(std::string& out, StringView input) const {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(input.data(), input.size(), digest, &length, kDigest(), nullptr);
    out.assign(reinterpret_cast<const char*>(digest), length);
  }
};

struct Xxhash64Function {
  void call(std::string& out, StringView input) const {
    uint64_t hash = XXH64(input.data(), input.size(), 0);
    out.resize(8);
    for (int i = 0; i < 8; ++i) out[static_cast<size_t>(i)] = static_cast<char>(hash >> (56 - 8 * i));
  }
};

constexpr char kHexDigits[] = "0123456789ABCDEF";

struct ToHexFunction {
  void call(std::string& out, StringView input) const {
    for (unsigned char c : input.view()) {
      out += kHexDigits[c >> 4];
      out += kHexDigits[c & 15];
    }
  }
};

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

struct FromHexFunction {
  CallStatus call(std::string& out, StringView input) const {
    std::string_view text = input.view();
    if (text.size() % 2 != 0) {
      return CallStatus::error(errors::INVALID_FUNCTION_ARGUMENT, "invalid input length " + std::to_string(text.size()));
    }
    for (size_t i = 0; i < text.size(); i += 2) {
      int high = hexValue(text[i]);
      int low = hexValue(text[i + 1]);
      if (high < 0 || low < 0) {
        return CallStatus::error(errors::INVALID_FUNCTION_ARGUMENT, "invalid hex character");
      }
      out += static_cast<char>(high * 16 + low);
    }
    return CallStatus::value();
  }
};

constexpr char kBase64Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

struct ToBase64Function {
  void call(std::string& out, StringView input) const {
    std::string_view bytes = input.view();
    size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
      uint32_t triple = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
          static_cast<unsigned char>(bytes[i + 2]);
      for (int shift = 18; shift >= 0; shift -= 6) out += kBase64Alphabet[(triple >> shift) & 63];
    }
    size_t remaining = bytes.size() - i;
    if (remaining > 0) {
      uint32_t triple = static_cast<uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
      if (remaining == 2) triple |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
      out += kBase64Alphabet[(triple >> 18) & 63];
      out += kBase64Alphabet[(triple >> 12) & 63];
      out += remaining == 2 ? kBase64Alphabet[(triple >> 6) & 63] : '=';
      out += '=';
    }
  }
};

struct FromBase64Function {
  CallStatus call(std::string& out, StringView input) const {
    std::string_view text = input.view();
    while (!text.empty() && text.back() == '=') text.remove_suffix(1);
    uint32_t buffer = 0;
    int bits = 0;
    for (char c : text) {
      const char* position = std::strchr(kBase64Alphabet, c);
      if (c == '\0' || position == nullptr) {
        return CallStatus::error(errors::INVALID_FUNCTION_ARGUMENT, "Illegal base64 character");
      }
      buffer = (buffer << 6) | static_cast<uint32_t>(position - kBase64Alphabet);
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out += static_cast<char>((buffer >> bits) & 0xFF);
      }
    }
    return CallStatus::value();
  }
};

struct BinaryLengthFunction {
  void call(int64_t& out, StringView input) const { out = input.size(); }
};

} // namespace

void registerBinaryFunctions(FunctionRegistry& registry) {
  registerSimple<DigestFunction<EVP_md5>, StringView, StringView>(registry, "md5", {"varbinary"}, "varbinary", describe("MD5 digest"));
  registerSimple<DigestFunction<EVP_sha1>, StringView, StringView>(registry, "sha1", {"varbinary"}, "varbinary", describe("SHA-1 digest"));
  registerSimple<DigestFunction<EVP_sha256>, StringView, StringView>(registry, "sha256", {"varbinary"}, "varbinary", describe("SHA-256 digest"));
  registerSimple<DigestFunction<EVP_sha512>, StringView, StringView>(registry, "sha512", {"varbinary"}, "varbinary", describe("SHA-512 digest"));
  registerSimple<Xxhash64Function, StringView, StringView>(registry, "xxhash64", {"varbinary"}, "varbinary", describe("xxHash64 digest, big-endian"));
  registerSimple<ToHexFunction, StringView, StringView>(registry, "to_hex", {"varbinary"}, "varchar", describe("hex encoding"));
  registerSimple<FromHexFunction, StringView, StringView>(registry, "from_hex", {"varchar"}, "varbinary", describe("decode hex"));
  registerSimple<ToBase64Function, StringView, StringView>(registry, "to_base64", {"varbinary"}, "varchar", describe("base64 encoding"));
  registerSimple<FromBase64Function, StringView, StringView>(registry, "from_base64", {"varchar"}, "varbinary", describe("decode base64"));
  registerSimple<BinaryLengthFunction, int64_t, StringView>(registry, "length", {"varbinary"}, "bigint", describe("length in bytes"));
}

} // namespace presto
