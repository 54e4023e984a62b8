// SPDX-License-Identifier: GPL-2.0-or-later
#include "shared/text.hpp"

#include <xapian.h>

namespace dateline {

std::string fold_for_matching(std::string_view text) {
    std::string folded;
    folded.reserve(text.size());
    bool pending_space = false;
    for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
        unsigned ch = *it;
        if (Xapian::Unicode::is_whitespace(ch)) {
            pending_space = !folded.empty();
            continue;
        }
        if (pending_space) folded += ' ';
        pending_space = false;
        Xapian::Unicode::append_utf8(folded, Xapian::Unicode::tolower(ch));
    }
    return folded;
}

std::string_view truncate_utf8(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    std::size_t end = max_bytes;
    // Step back over continuation bytes (10xxxxxx) to the start of a sequence.
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end);
}

std::size_t count_code_points(std::string_view text, std::size_t byte_offset) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < byte_offset && i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++count;
    return count;
}

}  // namespace dateline
