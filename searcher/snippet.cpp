// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/snippet.hpp"

#include <string_view>

#include "shared/analysis.hpp"
#include "shared/text.hpp"

namespace dateline::searcher {
namespace {

// Xapian marks matches with strings of our choosing. These private-use code
// points (U+E000, U+E001) mean nothing in news text; should an article carry
// one anyway, the worst outcome is a misplaced highlight.
constexpr std::string_view mark_start = "\xEE\x80\x80";
constexpr std::string_view mark_end = "\xEE\x80\x81";
constexpr std::string_view omitted = "…";

// What MSet::snippet returned, read back: the window of the text it chose,
// exactly as given (HTML escapes undone), the marked ranges in it, and
// whether text was left out before and after.
struct Window {
    std::string text;
    std::vector<std::pair<std::size_t, std::size_t>> highlights;
    bool cut_before = false, cut_after = false;
};

Window read_marked(std::string_view marked) {
    Window window;
    if (marked.starts_with(omitted)) {
        window.cut_before = true;
        marked.remove_prefix(omitted.size());
    }
    if (marked.ends_with(omitted)) {
        window.cut_after = true;
        marked.remove_suffix(omitted.size());
    }
    std::size_t start = 0;
    while (!marked.empty()) {
        if (marked.starts_with(mark_start)) {
            start = window.text.size();
            marked.remove_prefix(mark_start.size());
        } else if (marked.starts_with(mark_end)) {
            window.highlights.emplace_back(start, window.text.size());
            marked.remove_prefix(mark_end.size());
        } else if (marked.starts_with("&amp;")) {
            window.text += '&';
            marked.remove_prefix(5);
        } else if (marked.starts_with("&lt;")) {
            window.text += '<';
            marked.remove_prefix(4);
        } else if (marked.starts_with("&gt;")) {
            window.text += '>';
            marked.remove_prefix(4);
        } else {
            window.text += marked.front();
            marked.remove_prefix(1);
        }
    }
    return window;
}

// The window was cut from the folded body: the same range of the body as
// written, with its highlights moved to match. Unchanged if it cannot be
// found (it always should).
Window unfold(Window window, const std::string& body, const SearchFolded& folded) {
    std::size_t at = folded.text.find(window.text);
    if (at == std::string::npos) return window;
    auto original = [&](std::size_t offset) { return folded.offsets[at + offset] - folded.offsets[at]; };
    for (auto& [start, end] : window.highlights) {
        start = original(start);
        end = original(end);
    }
    std::size_t from = folded.offsets[at];
    window.text = body.substr(from, folded.offsets[at + window.text.size()] - from);
    return window;
}

// Paragraph breaks and other runs of white space become one space so a
// snippet reads as one line; "…" where text was cut.
Snippet one_line(const Window& window) {
    Snippet snippet;
    std::vector<std::size_t> moved(window.text.size() + 1);
    if (window.cut_before) snippet.text += omitted;
    for (std::size_t i = 0; i < window.text.size(); ++i) {
        moved[i] = snippet.text.size();
        char c = window.text[i];
        bool is_space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (!is_space) snippet.text += c;
        else if (!snippet.text.empty() && snippet.text.back() != ' ') snippet.text += ' ';
    }
    moved[window.text.size()] = snippet.text.size();
    for (auto [start, end] : window.highlights) snippet.highlights.emplace_back(moved[start], moved[end]);
    if (window.cut_after) snippet.text += omitted;
    return snippet;
}

}  // namespace

// Xapian's background model (SNIPPET_BACKGROUND_MODEL) scores the words
// around the matches by their rarity in the index, so windows start at a
// sentence rather than at the match ("Yusuf Haddad, who heads", not
// "…Haddad, who heads"). It costs a term-frequency lookup per body word:
// about 60% of a query's time on Reuters (perf; docs/benchmarks.md), which
// still leaves p50 near 2.5 ms, so we keep it.
//
// The body is folded as it was for indexing (case and accents off) so that
// Xapian finds the query's terms in it; what is shown is the body as written.
Snippet make_snippet(const Xapian::MSet& mset, const std::string& body, unsigned length) {
    SearchFolded folded = fold_for_search_mapped(body);
    std::string marked = mset.snippet(folded.text, length, analysis::make_stemmer(),
                                      Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE,
                                      std::string(mark_start), std::string(mark_end), std::string(omitted));
    return one_line(unfold(read_marked(marked), body, folded));
}

}  // namespace dateline::searcher
