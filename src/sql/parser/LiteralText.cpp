#include "sql/parser/LiteralText.h"

#include <fmt/format.h>

namespace presto::sql {
namespace {

int hexValue(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

void appendUtf8(std::string& out, uint32_t codePoint) {
  if (codePoint < 0x80) {
    out.push_back(static_cast<char>(codePoint));
  } else if (codePoint < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (codePoint >> 6)));
    out.push_back(static_cast<char>(0x80 | (codePoint & 0x3F)));
  } else if (codePoint < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (codePoint >> 12)));
    out.push_back(static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (codePoint & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (codePoint >> 18)));
    out.push_back(static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (codePoint & 0x3F)));
  }
}

[[noreturn]] void fail(SourceLocation location, std::string message) {
  throw PrestoException(errors::SYNTAX_ERROR, location, std::move(message));
}

} // namespace

std::string unquote(std::string_view text, char quote) {
  std::string result;
  result.reserve(text.size());
  for (size_t i = 1; i + 1 < text.size(); ++i) {
    result.push_back(text[i]);
    if (text[i] == quote) {
      ++i;
    }
  }
  return result;
}

std::string decodeUnicodeString(std::string_view body, char escape, SourceLocation location) {
  std::string result;
  result.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] != escape) {
      result.push_back(body[i]);
      continue;
    }
    if (i + 1 < body.size() && body[i + 1] == escape) {
      result.push_back(escape);
      ++i;
      continue;
    }
    size_t digits = 4;
    size_t start = i + 1;
    if (start < body.size() && body[start] == '+') {
      digits = 6;
      ++start;
    }
    if (start + digits > body.size()) {
      fail(location, "Incomplete escape sequence in Unicode string literal");
    }
    uint32_t codePoint = 0;
    for (size_t j = start; j < start + digits; ++j) {
      int value = hexValue(body[j]);
      if (value < 0) {
        fail(location, fmt::format("Invalid hexadecimal digit '{}' in Unicode string literal", body[j]));
      }
      codePoint = codePoint * 16 + static_cast<uint32_t>(value);
    }
    if (codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
      fail(location, fmt::format("Invalid Unicode code point U+{:X} in Unicode string literal", codePoint));
    }
    appendUtf8(result, codePoint);
    i = start + digits - 1;
  }
  return result;
}

std::string decodeBinaryString(std::string_view body, SourceLocation location) {
  std::string digits;
  digits.reserve(body.size());
  for (char c : body) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      continue;
    }
    if (hexValue(c) < 0) {
      fail(location, "Binary literal can only contain hexadecimal digits");
    }
    digits.push_back(c);
  }
  if (digits.size() % 2 != 0) {
    fail(location, "Binary literal must contain an even number of digits");
  }
  std::string bytes;
  bytes.reserve(digits.size() / 2);
  for (size_t i = 0; i < digits.size(); i += 2) {
    bytes.push_back(static_cast<char>(hexValue(digits[i]) * 16 + hexValue(digits[i + 1])));
  }
  return bytes;
}

std::string toLowerAscii(std::string_view text) {
  std::string result(text);
  for (char& c : result) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return result;
}

std::string toUpperAscii(std::string_view text) {
  std::string result(text);
  for (char& c : result) {
    if (c >= 'a' && c <= 'z') {
      c = static_cast<char>(c - 'a' + 'A');
    }
  }
  return result;
}

} // namespace presto::sql
