#pragma once
// Locale-independent text → number, the same under every standard library.
// std::from_chars for floating point is missing from libc++ before version 17 (Debian 12
// ships libc++ 14), and the libc++ golden-trace build compiles core and negotiate with it;
// code below io parses decimal numbers through this function instead.

#include <string_view>

namespace parley {

// Parses the whole of `text` as std::from_chars(..., std::chars_format::general) does: an
// optional '-', decimal digits with an optional point and exponent, or inf / nan; no leading
// whitespace, '+' or hexadecimal. Returns false, leaving `value` unchanged, when the text is
// not such a number in full or is out of double's range.
bool parse_double(std::string_view text, double& value);

}  // namespace parley
