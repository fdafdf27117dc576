#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace presto::utf8 {

/// Bytes of the UTF-8 character starting with `lead` (1 for invalid lead bytes).
inline size_t charLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;
}

/// Number of code points.
inline int64_t length(std::string_view text) {
  int64_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

/// Byte offset of code point `index` (0-based), or text.size() when past the end.
inline size_t byteOffset(std::string_view text, int64_t index) {
  size_t position = 0;
  while (index > 0 && position < text.size()) {
    position += charLength(static_cast<unsigned char>(text[position]));
    --index;
  }
  return std::min(position, text.size());
}

/// Decodes the code point at `position` and advances it; invalid bytes decode as themselves.
inline int32_t decode(std::string_view text, size_t& position) {
  auto lead = static_cast<unsigned char>(text[position]);
  size_t length = charLength(lead);
  if (length == 1 || position + length > text.size()) {
    ++position;
    return lead;
  }
  int32_t codePoint = lead & (0xFF >> (length + 1));
  for (size_t i = 1; i < length; ++i) codePoint = (codePoint << 6) | (static_cast<unsigned char>(text[position + i]) & 0x3F);
  position += length;
  return codePoint;
}

inline void append(std::string& out, int32_t codePoint) {
  if (codePoint < 0x80) {
    out += static_cast<char>(codePoint);
  } else if (codePoint < 0x800) {
    out += static_cast<char>(0xC0 | (codePoint >> 6));
    out += static_cast<char>(0x80 | (codePoint & 0x3F));
  } else if (codePoint < 0x10000) {
    out += static_cast<char>(0xE0 | (codePoint >> 12));
    out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (codePoint & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (codePoint >> 18));
    out += static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (codePoint & 0x3F));
  }
}

/// Whether `text` is well-formed UTF-8.
bool isValid(std::string_view text);

} // namespace presto::utf8
