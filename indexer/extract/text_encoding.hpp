// SPDX-License-Identifier: GPL-2.0-or-later
// Input bytes to valid UTF-8, never dropping a character: text that is not
// UTF-8 at all is read as Windows-1252 (what most legacy news sites wrote),
// and stray invalid bytes inside UTF-8 text are read the same way, one byte
// each. Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dateline::indexer {

struct RepairedText {
    std::string text;     // valid UTF-8
    std::string warning;  // what was done, for the run's warnings
};

// nullopt when bytes are valid UTF-8 already, so the common case copies nothing.
std::optional<RepairedText> repair_utf8(std::string_view bytes);

// Text in UTF-16 or UTF-32 as UTF-8, converted by iconv: a byte-order mark
// (UTF-32 LE/BE, UTF-16 LE/BE) says which, and UTF-16 without one is known by
// its NUL bytes (ASCII letters in UTF-16 alternate with NULs). A unit that
// cannot be converted becomes U+FFFD. nullopt for anything else; note says
// which encoding was read (for --verbose).
std::optional<RepairedText> decode_wide_unicode(std::string_view bytes);

// True when bytes are valid UTF-8 (no overlong forms, no surrogates).
bool is_valid_utf8(std::string_view bytes);

}  // namespace dateline::indexer
