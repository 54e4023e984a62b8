// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/snippet.hpp"

#include <string_view>

#include "shared/analysis.hpp"

namespace dateline::searcher {
namespace {

// Xapian marks matches with strings of our choosing. These private-use code
// points (U+E000, U+E001) mean nothing in news text; should an article carry
// one anyway, the worst outcome is a misplaced highlight.
constexpr std::string_view mark_start = "\xEE\x80\x80";
constexpr std::string_view mark_end = "\xEE\x80\x81";

// MSet::snippet escapes &, < and > for HTML; undo exactly that, turn the marks
// into byte ranges over the plain text, and fold paragraph breaks and other
// runs of white space into one space so a snippet reads as one line.
Snippet decode_marked(std::string_view marked) {
    Snippet snippet;
    std::size_t start = 0;
    while (!marked.empty()) {
        if (marked.starts_with(mark_start)) {
            start = snippet.text.size();
            marked.remove_prefix(mark_start.size());
        } else if (marked.starts_with(mark_end)) {
            snippet.highlights.emplace_back(start, snippet.text.size());
            marked.remove_prefix(mark_end.size());
        } else if (marked.starts_with("&amp;")) {
            snippet.text += '&';
            marked.remove_prefix(5);
        } else if (marked.starts_with("&lt;")) {
            snippet.text += '<';
            marked.remove_prefix(4);
        } else if (marked.starts_with("&gt;")) {
            snippet.text += '>';
            marked.remove_prefix(4);
        } else {
            char c = marked.front();
            marked.remove_prefix(1);
            bool is_space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
            if (!is_space) snippet.text += c;
            else if (!snippet.text.empty() && snippet.text.back() != ' ') snippet.text += ' ';
        }
    }
    return snippet;
}

}  // namespace

// Xapian's background model (SNIPPET_BACKGROUND_MODEL) scores the words
// around the matches by their rarity in the index, so windows start at a
// sentence rather than at the match ("Yusuf Haddad, who heads", not
// "…Haddad, who heads"). It costs a term-frequency lookup per body word:
// about 60% of a query's time on Reuters (perf; docs/benchmarks.md), which
// still leaves p50 near 2.5 ms, so we keep it.
Snippet make_snippet(const Xapian::MSet& mset, const std::string& body, unsigned length) {
    std::string marked = mset.snippet(body, length, analysis::make_stemmer(),
                                      Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE,
                                      std::string(mark_start), std::string(mark_end), "…");
    return decode_marked(marked);
}

}  // namespace dateline::searcher
