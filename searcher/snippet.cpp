// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/snippet.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <deque>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian/unicode.h>

#include "searcher/query_words.hpp"
#include "shared/analysis.hpp"
#include "shared/text.hpp"

namespace dateline::searcher {
namespace {

constexpr std::string_view omitted = "…";

// The passage chosen, as a range of the folded text: its words, the
// marked ranges in it, and whether text was left out before and after.
struct Window {
    std::string text;
    std::vector<std::pair<std::size_t, std::size_t>> highlights;
    bool cut_before = false, cut_after = false;
};

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

// What the query looks for in a text and what each find is worth, read
// from the query and its match's statistics (as Xapian's own snippets
// weigh them): a query word its weight in the match plus the largest such
// weight; a phrase of n words n times the largest; a wildcard the largest
// plus the smallest.
struct SnippetScorer::Model {
    std::unordered_map<std::string, double> words;  // terms as indexed: "Zstrike", "harbour"
    std::vector<std::vector<std::string>> phrases;  // each word as indexed
    std::vector<std::string> wildcards;             // the patterns
    double max_weight = 1.0, min_weight = 0.0;
    std::size_t longest_phrase = 0;
};

namespace {

SnippetScorer::Model model_of(const Xapian::Query& query, const Xapian::MSet& stats) {
    SnippetScorer::Model model;
    QueryWords wanted = read_query_words(query);
    model.phrases = std::move(wanted.phrases);
    model.wildcards = std::move(wanted.wildcards);
    model.longest_phrase = wanted.longest_phrase;
    const std::vector<std::string>& loose = wanted.loose;
    // The largest and smallest weight any query word can add to a match.
    std::unordered_map<std::string, double> weights;
    double largest = 0, smallest = 0;
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
        try {
            double weight = stats.get_termweight(*it);
            weights.emplace(*it, weight);
            if (weight > largest) largest = weight;
            if (weight != 0 && (smallest == 0 || weight < smallest)) smallest = weight;
        } catch (const Xapian::InvalidArgumentError&) {
            // Not in the match's statistics: never marked.
        }
    }
    // A little over the largest, so that a word weighing nothing still marks.
    model.max_weight = largest == 0 ? 1.0 : largest * 1.015625;
    model.min_weight = smallest;
    for (const std::string& term : loose) {
        auto weight = weights.find(term);
        if (weight != weights.end()) model.words.emplace(term, weight->second + model.max_weight);
    }
    return model;
}

// A word in the sliding window: what it is worth (shared by every place the
// same word is, so that repeating a word in one window adds less and less),
// where it ends, and how many words its highlight covers.
struct Slot {
    double* worth;
    std::size_t end;
    std::size_t highlight;
};

// The window of about length bytes whose words are worth most, slid over
// the text word by word. A word is worth half as much while another copy of
// it is in the window.
class Sliding {
public:
    explicit Sliding(std::size_t length) : length_(length + 1) {}  // one for the space between words

    void add(double* worth, std::size_t end, std::size_t highlight) {
        if (highlight > 1) {
            // The last word of a phrase: the phrase's worth goes on its first word,
            // and leaves the window with it.
            if (pipe_.size() >= highlight - 1) {
                Slot& first = pipe_[pipe_.size() - (highlight - 1)];
                if (first.worth) {
                    *first.worth *= decay;
                    sum_ -= *first.worth;
                }
                sum_ += *worth;
                first.worth = worth;
                first.highlight = highlight;
                *worth /= decay;
            }
            worth = nullptr;
            highlight = 0;
        }
        pipe_.push_back({worth, end, highlight});
        if (worth) {
            sum_ += *worth;
            *worth /= decay;
        }
        while (end - begin_ > length_) {
            const Slot& gone = pipe_.front();
            if (gone.worth) {
                *gone.worth *= decay;
                sum_ -= *gone.worth;
            }
            begin_ = gone.end;
            if (best_end_ >= begin_) best_.push_back(gone);
            pipe_.pop_front();
            if (pipe_.empty()) break;
        }
        // >= rather than >: a later window worth as much reaches further
        // past the last find, over words worth nothing.
        if (sum_ >= best_sum_) {
            if (begin_ >= best_end_) best_.clear();
            else
                while (!best_.empty() && best_.front().end <= begin_) best_.pop_front();
            best_sum_ = sum_;
            best_begin_ = begin_;
            best_end_ = end;
        }
    }

    // The best window's text, from its first word to its last, with the
    // sentence's end when it ends one.
    Window best(const std::string& text) {
        if (begin_ >= best_end_) pipe_.clear();
        else
            while (!pipe_.empty() && pipe_.back().end > best_end_) pipe_.pop_back();
        std::deque<Slot> words = std::move(best_);
        words.insert(words.end(), pipe_.begin(), pipe_.end());
        Window window;
        std::size_t at = best_begin_;
        std::size_t open = 0;  // words still to go in the current highlight
        namespace U = Xapian::Unicode;
        auto next_word_char = [&](std::size_t from, std::size_t to) {
            Xapian::Utf8Iterator it(text.data() + from, to - from);
            while (it != Xapian::Utf8Iterator() && !U::is_wordchar(*it)) ++it;
            return it == Xapian::Utf8Iterator() ? to : static_cast<std::size_t>(it.raw() - text.data());
        };
        for (std::size_t i = 0; i < words.size(); ++i) {
            const Slot& word = words[i];
            if (i == 0) {
                // Start at the first word; "…" unless that starts a sentence.
                bool sentence = at == 0;
                bool stop = false;
                for (Xapian::Utf8Iterator it(text.data() + at, word.end - at); it != Xapian::Utf8Iterator(); ++it) {
                    unsigned c = *it;
                    if (U::is_wordchar(c)) {
                        at = static_cast<std::size_t>(it.raw() - text.data());
                        break;
                    }
                    if (sentence) continue;
                    if (c == '.' || c == '?' || c == '!') stop = true;
                    else if (stop && U::is_whitespace(c)) sentence = true;
                    else stop = false;
                }
                window.cut_before = !sentence;
            }
            if (word.highlight) {
                std::size_t starts = next_word_char(at, word.end);
                window.text.append(text, at, starts - at);
                at = starts;
            }
            if (open == 0 && word.highlight) {
                open = word.highlight;
                window.highlights.emplace_back(window.text.size(), 0);
            }
            window.text.append(text, at, word.end - at);
            at = word.end;
            if (open > 0 && --open == 0) window.highlights.back().second = window.text.size();
        }
        if (open > 0) window.highlights.back().second = window.text.size();
        // After the last word: the sentence's end, or "…".
        if (at < text.size()) {
            bool stop = false;
            Xapian::Utf8Iterator it(text.data() + at, text.size() - at);
            for (; it != Xapian::Utf8Iterator(); ++it) {
                unsigned c = *it;
                if (stop && U::is_whitespace(c)) break;
                stop = c == '.' || c == '?' || c == '!';
                if (U::is_wordchar(c)) break;
            }
            std::size_t upto = it == Xapian::Utf8Iterator() ? text.size() : static_cast<std::size_t>(it.raw() - text.data());
            if (stop) window.text.append(text, at, upto - at);
            else window.cut_after = true;
        }
        return window;
    }

private:
    static constexpr double decay = 2.0;
    std::deque<Slot> pipe_, best_;
    std::size_t length_, begin_ = 0, best_begin_ = 0, best_end_ = 0;
    double sum_ = 0, best_sum_ = 0;
};

// The best window of the folded text for the query.
Window choose_window(const std::string& text, unsigned length, const SnippetScorer::Model& model,
                     const Xapian::Database& db, WordRarity& rarity, const Xapian::Stem& stemmer) {
    // This text's own copies of what words are worth: they change as the
    // window slides (and must not carry over to the next text).
    std::unordered_map<std::string, double> words = model.words;
    std::vector<double> phrases(model.phrases.size());
    for (std::size_t i = 0; i < phrases.size(); ++i) phrases[i] = model.max_weight * model.phrases[i].size();
    std::vector<double> wildcards(model.wildcards.size(), model.max_weight + model.min_weight);
    std::unordered_map<std::string, double> background;
    // A word the query does not name is worth its rarity in the index, so
    // that the window holds the article's telling words around the finds.
    const double articles = static_cast<double>(db.get_doccount()) + 1;
    const double scale = model.max_weight / ((length + 1) * std::log(articles));
    std::vector<std::string> recent(model.longest_phrase > 1 ? model.longest_phrase - 1 : 0);  // the last words, oldest first
    Sliding sliding(length);
    for_each_word(text, [&](const std::string& term, std::size_t, std::size_t end) {
        constexpr std::size_t longest_word = 64;  // as indexed: longer ones are not
        if (term.size() > longest_word) return;
        double* worth = nullptr;
        std::size_t highlight = 0;
        for (std::size_t i = 0; i < model.phrases.size() && !worth; ++i) {
            const std::vector<std::string>& phrase = model.phrases[i];
            if (term != phrase.back()) continue;
            bool found = true;
            for (std::size_t k = 0; k + 1 < phrase.size() && found; ++k)
                found = phrase[k] == recent[recent.size() - (phrase.size() - 1) + k];
            if (found) worth = &phrases[i], highlight = phrase.size();
        }
        if (!worth)
            if (auto found = words.find(term); found != words.end()) worth = &found->second, highlight = 1;
        // A word this text has already weighed as background is no query
        // word (that depends on the word alone): no need to stem it again.
        auto known = worth ? background.end() : background.find(term);
        if (known != background.end()) worth = &known->second;
        std::string stem;
        if (!worth) {
            stem = "Z" + stemmer(term);
            if (auto found = words.find(stem); found != words.end()) worth = &found->second, highlight = 1;
        }
        for (std::size_t i = 0; i < model.wildcards.size() && !worth; ++i)
            if (term.starts_with(model.wildcards[i])) worth = &wildcards[i], highlight = 1;
        if (!worth) {
            known = background.find(stem);
            if (known == background.end()) {
                Xapian::doccount count = rarity.term_frequency(db, term);
                const std::string* key = &term;
                if (count == 0) count = rarity.term_frequency(db, stem), key = &stem;
                double rare = count == 0 ? 0.0 : scale * std::log((articles - count) / count);
                known = background.emplace(*key, rare).first;
            }
            worth = &known->second;
        }
        if (!recent.empty()) {
            std::rotate(recent.begin(), recent.begin() + 1, recent.end());
            recent.back() = term;
        }
        sliding.add(worth, end, highlight);
    });
    return sliding.best(text);
}

}  // namespace

// Xapian 1.4's MSet::snippet weighs words the same way but keeps what
// words are worth in the MSet and leaves some of it changed after each
// snippet, so that a hit's snippet depended on the hits read before it;
// it also looked every word up in the index for each MSet. Here each text
// starts afresh, and the counts are kept in rarity across hits and queries.
//
// The body is folded as it was for indexing (case and accents off) so that
// the query's terms are found in it; what is shown is the body as written.
SnippetScorer::SnippetScorer(const Xapian::Query& query, const Xapian::MSet& stats, const Xapian::Database& db,
                             WordRarity& rarity)
    : model_(std::make_unique<const Model>(model_of(query, stats))), db_(db), rarity_(rarity),
      stemmer_(analysis::make_stemmer()) {}

SnippetScorer::~SnippetScorer() = default;

Snippet SnippetScorer::make(const std::string& body, unsigned length) const {
    SearchFolded folded = fold_for_search_mapped(body);
    return one_line(unfold(choose_window(folded.text, length, *model_, db_, rarity_, stemmer_), body, folded));
}

}  // namespace dateline::searcher
