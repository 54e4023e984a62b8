// SPDX-License-Identifier: GPL-2.0-or-later
// Text normalisation for matching: the one way both programs fold a value
// (an outlet, an author, a place) before it becomes or is compared with a term.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dateline {

// Lower-cases (Unicode simple case folding via Xapian), takes accents off
// (base_letter), turns every run of white space into one space and trims both
// ends. "  The  Harbour\tCourier " -> "the harbour courier", "Café" -> "cafe". Invalid UTF-8 bytes are kept as Latin-1 characters.
std::string fold_for_matching(std::string_view text);

// The letter a lower-case Latin letter with a diacritic is written without
// it ('a' for U+00E1 á, 's' for U+00DF ß, 'a' for U+00E6 æ), or 0 for any
// other code point.
char base_letter(unsigned code_point);

// What the indexer gives Xapian and the searcher parses: lower case, accents
// off ("Café Sánchez U.S. Straße" -> "cafe sanchez u.s. strasse"), so that
// matching ignores both. Every other character is kept.
std::string fold_for_search(std::string_view text);

// The same, with offsets[i] the byte of text the i-th byte of the result came
// from (one entry past the end for the end): for snippets cut from the
// folded text and shown as written.
struct SearchFolded {
    std::string text;
    std::vector<std::size_t> offsets;
};
SearchFolded fold_for_search_mapped(std::string_view text);

// text without the spaces, tabs, carriage returns and newlines at its ends.
std::string_view trim_space(std::string_view text);

// ASCII letters lower-cased, every other byte kept: for comparing with
// keywords (month names, HTML attribute values), not for folding text.
std::string ascii_lower(std::string_view text);

// The longest prefix of text of at most max_bytes that does not cut a UTF-8
// sequence in two.
std::string_view truncate_utf8(std::string_view text, std::size_t max_bytes);

// Number of Unicode code points in the first byte_offset bytes of text.
std::size_t count_code_points(std::string_view text, std::size_t byte_offset);

}  // namespace dateline
