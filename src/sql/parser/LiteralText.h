#pragma once

#include <string>
#include <string_view>

#include "common/PrestoException.h"

namespace presto::sql {

/// Strips the surrounding quotes of a quoted token (`'it''s'`, `"a""b"`) and undoubles inner
/// quotes. REQUIRES: `text` starts and ends with `quote`.
std::string unquote(std::string_view text, char quote);

/// Decodes the body of `U&'...'`: `<escape>XXXX` (4 hex digits) or `<escape>+XXXXXX` (6) stand for
/// a Unicode code point and `<escape><escape>` for the escape itself. Returns UTF-8. Throws
/// SYNTAX_ERROR at `location` for malformed escapes.
std::string decodeUnicodeString(std::string_view body, char escape, SourceLocation location);

/// Decodes the body of `X'...'` (hex digits, spaces allowed between them) into bytes. Throws
/// SYNTAX_ERROR at `location` for a non-hex digit or an odd number of digits.
std::string decodeBinaryString(std::string_view body, SourceLocation location);

/// Lower-cases ASCII letters, as Presto normalizes unquoted identifiers.
std::string toLowerAscii(std::string_view text);

/// Upper-cases ASCII letters.
std::string toUpperAscii(std::string_view text);

} // namespace presto::sql
