// SPDX-License-Identifier: GPL-2.0-or-later
// Input bytes to valid UTF-8, never dropping a character: text that is not
// UTF-8 at all is read as Windows-1252 (what most legacy news sites wrote),
// and stray invalid bytes inside UTF-8 text are read the same way, one byte
// each. Pure.
#pragma once

#include <memory>
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

// A file in UTF-16 or UTF-32 that starts with a byte-order mark, converted
// to UTF-8 piece by piece as it is read (a JSON Lines export too large to
// hold: PowerShell writes UTF-16 by default), by iconv. A unit that cannot
// be converted becomes U+FFFD; one cut by the end of a piece waits for the
// next.
class WideStream {
public:
    // The stream for a file whose first bytes are start, and how many of
    // them are its mark (to skip); null when it does not start with one.
    static std::unique_ptr<WideStream> for_mark(std::string_view start, std::size_t& mark);
    ~WideStream();
    WideStream(const WideStream&) = delete;
    WideStream& operator=(const WideStream&) = delete;

    // Appends the UTF-8 of bytes to out; at_end: nothing follows them.
    void convert(std::string_view bytes, std::string& out, bool at_end);
    const char* said() const { return said_; }

private:
    WideStream(void* converter, std::size_t unit, const char* said);
    void* converter_;      // an iconv_t
    std::size_t unit_;     // bytes a code unit
    const char* said_;     // "UTF-16 LE"
    std::string held_;     // the start of a unit or pair cut at a piece's end
};

// True when bytes are valid UTF-8 (no overlong forms, no surrogates).
bool is_valid_utf8(std::string_view bytes);

}  // namespace dateline::indexer
