// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/suggest.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include "searcher/query_syntax.hpp"
#include "shared/schema.hpp"
#include "shared/text.hpp"

namespace dateline::searcher {
namespace {

// The closest held word to word, or "" when none is close enough. Candidates
// share the first letter: a typo there is rare and the scan stays short.
std::string closest_word(const std::string& word, const Xapian::Database& db) {
    unsigned limit = word.size() <= 4 ? 1 : 2;
    std::string best;
    unsigned best_distance = limit + 1;
    Xapian::doccount best_frequency = 0;
    std::string first(1, word[0]);
    for (auto it = db.allterms_begin(first); it != db.allterms_end(first); ++it) {
        const std::string& term = *it;
        if (!schema::is_free_text_term(term) || term.size() + limit < word.size() || term.size() > word.size() + limit)
            continue;
        unsigned distance = edit_distance(word, term, std::min(limit, best_distance));
        if (distance > limit || distance > best_distance) continue;
        Xapian::doccount frequency = it.get_termfreq();
        if (distance < best_distance || frequency > best_frequency) {
            best = term;
            best_distance = distance;
            best_frequency = frequency;
        }
    }
    return best;
}

}  // namespace

unsigned edit_distance(std::string_view a, std::string_view b, unsigned limit) {
    // Optimal string alignment distance over three rows.
    std::vector<unsigned> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = static_cast<unsigned>(j);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = static_cast<unsigned>(i);
        unsigned row_best = current[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            unsigned cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], before[j - 2] + 1);
            row_best = std::min(row_best, current[j]);
        }
        if (row_best > limit) return limit + 1;
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return std::min(previous[b.size()], limit + 1);
}

std::optional<std::string> suggest_query(const std::string& typed, const Xapian::Database& db) {
    std::vector<QueryToken> tokens = tokenize_query(typed);
    std::string suggested;
    bool changed = false;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const QueryToken& token = tokens[i];
        if (token.is_symbol(':') && i + 1 < tokens.size() && tokens[i + 1].kind == QueryToken::Kind::quote) {
            // A quoted field value, kept whole up to its closing quote.
            std::size_t close = i + 2;
            while (close < tokens.size() && tokens[close].kind != QueryToken::Kind::quote) ++close;
            std::size_t end = close < tokens.size() ? tokens[close].offset + 1 : typed.size();
            suggested.append(typed, token.offset, end - token.offset);
            i = close;
            continue;
        }
        if (token.kind != QueryToken::Kind::word) {
            suggested += token.text;
            continue;
        }
        bool before_colon_or_star = i + 1 < tokens.size() && (tokens[i + 1].is_symbol(':') || tokens[i + 1].is_symbol('*'));
        bool after_colon = i > 0 && tokens[i - 1].is_symbol(':');
        bool plain = !before_colon_or_star && !after_colon && !is_operator_word(token.text);
        std::string folded = fold_for_search(token.text);
        std::string replacement;
        if (plain && folded.size() >= 3 && !std::isdigit(static_cast<unsigned char>(folded[0])) &&
            !db.term_exists(folded))
            replacement = closest_word(folded, db);
        changed = changed || !replacement.empty();
        suggested += replacement.empty() ? std::string(token.text) : replacement;
    }
    if (!changed) return std::nullopt;
    return suggested;
}

}  // namespace dateline::searcher
