// SPDX-License-Identifier: GPL-2.0-or-later
#include "shared/text.hpp"

#include <xapian.h>

namespace dateline {

namespace {

// One code point, lower case already, without its accent: "ß" -> "ss".
void append_unaccented(std::string& out, unsigned lower) {
    if (lower == 0xDF) out += "ss";
    else if (char base = base_letter(lower)) out += base;
    else Xapian::Unicode::append_utf8(out, lower);
}

}  // namespace

std::string_view trim_space(std::string_view text) {
    constexpr std::string_view blank = " \t\r\n";
    std::size_t first = text.find_first_not_of(blank);
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(blank) - first + 1);
}

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
    return out;
}

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
        append_unaccented(folded, Xapian::Unicode::tolower(ch));
    }
    return folded;
}

char base_letter(unsigned code_point) {
    // Latin-1 Supplement and Latin Extended-A (upper and lower case): the
    // letters of the European languages news names come in; '_': no base.
    static constexpr std::string_view latin1 = "saaaaaaaceeeeiiiidnooooo_ouuuuy_y";  // U+00DF..U+00FF
    static constexpr std::string_view extended_a =                                  // U+0100..U+017F
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrss"
        "ssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
    char base = '_';
    if (code_point >= 0xDF && code_point <= 0xFF) base = latin1[code_point - 0xDF];
    else if (code_point >= 0x100 && code_point <= 0x17F) base = extended_a[code_point - 0x100];
    return base == '_' ? 0 : base;
}

namespace {

// fold_for_search, also filling offsets when given.
std::string fold(std::string_view text, std::vector<std::size_t>* offsets) {
    std::string folded;
    folded.reserve(text.size());
    for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
        std::size_t before = folded.size();
        append_unaccented(folded, Xapian::Unicode::tolower(*it));
        if (offsets) offsets->insert(offsets->end(), folded.size() - before, static_cast<std::size_t>(it.raw() - text.data()));
    }
    if (offsets) offsets->push_back(text.size());
    return folded;
}

}  // namespace

std::string fold_for_search(std::string_view text) { return fold(text, nullptr); }

SearchFolded fold_for_search_mapped(std::string_view text) {
    SearchFolded folded;
    folded.offsets.reserve(text.size() + 1);
    folded.text = fold(text, &folded.offsets);
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
