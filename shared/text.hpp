// SPDX-License-Identifier: GPL-2.0-or-later
// Text normalisation for matching: the one way both programs fold a value
// (an outlet, an author, a place) before it becomes or is compared with a term.
#pragma once

#include <string>
#include <string_view>

namespace dateline {

// Lower-cases (Unicode simple case folding via Xapian), turns every run of
// white space into one space and trims both ends. "  The  Harbour\tCourier "
// -> "the harbour courier". Invalid UTF-8 bytes are kept as Latin-1 characters.
std::string fold_for_matching(std::string_view text);

// The longest prefix of text of at most max_bytes that does not cut a UTF-8
// sequence in two.
std::string_view truncate_utf8(std::string_view text, std::size_t max_bytes);

// Number of Unicode code points in the first byte_offset bytes of text.
std::size_t count_code_points(std::string_view text, std::size_t byte_offset);

}  // namespace dateline
