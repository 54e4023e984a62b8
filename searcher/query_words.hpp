// SPDX-License-Identifier: GPL-2.0-or-later
// What a query looks for in an article's text, and the text's words as the
// indexer cut them: shared by snippets (which weigh the finds) and KWIC
// concordances (which list every one).
#pragma once

#include <string>
#include <vector>

#include <xapian.h>
#include <xapian/unicode.h>

namespace dateline::searcher {

// The words a query matches, read from the query as parsed: loose terms as
// indexed ("Zstrike", "harbour"), phrases of words side by side (each word
// as indexed; ADJ/N and NEAR give loose words instead), wildcard patterns.
struct QueryWords {
    std::vector<std::string> loose;
    std::vector<std::vector<std::string>> phrases;
    std::vector<std::string> wildcards;
    std::size_t longest_phrase = 0;
};

QueryWords read_query_words(const Xapian::Query& query);

namespace text_words {

inline bool is_digit(unsigned c) {
    return Xapian::Unicode::get_category(c) == Xapian::Unicode::DECIMAL_DIGIT_NUMBER;
}

inline bool is_invisible(unsigned c) { return c >= 0x200b && (c <= 0x200d || c == 0x2060 || c == 0xfeff); }

// Between two word characters, what joins them into one word, as Xapian's
// term generator reads it (0: nothing does): "at&t", "don't", "1,000.5".
inline unsigned joiner(unsigned c, unsigned before, unsigned after) {
    if (is_invisible(c)) return c;
    if (is_digit(before) && is_digit(after))
        return (c == ',' || c == '.' || c == ';' || c == 0x037e || c == 0x0589 || c == 0x060d || c == 0x07f8 ||
                c == 0x2044 || c == 0xfe10 || c == 0xfe13 || c == 0xfe14)
                   ? c
                   : 0;
    if (c == '\'' || c == '&' || c == 0xb7 || c == 0x5f4 || c == 0x2027) return c;
    if (c == 0x2019 || c == 0x201b) return '\'';
    return 0;
}

}  // namespace text_words

// Calls word(term, start, end) for each word of text, in order, as the
// indexer's term generator cut it: term lower-cased with its joiners
// ("don't") and up to three trailing '+' or '#' ("c++"); start and end the
// bytes it spans (end past any '+' and '#' that follow it). The text is folded to lower case already, so there are no
// acronyms to join ("U.S.A.").
template <typename Word>
void for_each_word(const std::string& text, const Word& word) {
    using Xapian::Utf8Iterator;
    namespace U = Xapian::Unicode;
    const Utf8Iterator end;
    Utf8Iterator it(text);
    auto offset = [&](const Utf8Iterator& at) { return at == end ? text.size() : static_cast<std::size_t>(at.raw() - text.data()); };
    for (;;) {
        while (it != end && !U::is_wordchar(*it)) ++it;
        if (it == end) return;
        std::size_t start = offset(it);
        std::string term;
        for (;;) {
            unsigned last = 0;
            while (it != end && U::is_wordchar(*it)) {
                last = U::tolower(*it);
                U::append_utf8(term, last);
                ++it;
            }
            if (it == end) break;
            Utf8Iterator next = it;
            ++next;
            if (next == end || !U::is_wordchar(*next)) break;
            unsigned join = text_words::joiner(*it, last, *next);
            if (join == 0) break;
            if (!text_words::is_invisible(join)) U::append_utf8(term, join);
            it = next;
        }
        std::size_t bare = term.size();
        for (unsigned count = 0; it != end && (*it == '+' || *it == '#'); ++it) {
            if (++count > 3) {
                term.resize(bare);
                break;
            }
            U::append_utf8(term, *it);
        }
        if (it != end && U::is_wordchar(*it)) term.resize(bare);  // "fish+chips" is two words
        word(term, start, offset(it));
    }
}

}  // namespace dateline::searcher
