// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/kwic.hpp"

#include <deque>
#include <unordered_set>

#include <xapian.h>

#include "searcher/manifest.hpp"
#include "searcher/query_parser.hpp"
#include "searcher/query_words.hpp"
#include "shared/analysis.hpp"
#include "shared/document_codec.hpp"
#include "shared/generations.hpp"
#include "shared/schema.hpp"
#include "shared/store.hpp"
#include "shared/text.hpp"

namespace dateline::searcher {
namespace {

constexpr Xapian::doccount page_size = 1000;

// Finds the query's words in folded text: a loose word as written or by its
// stem, a word starting with a wildcard's pattern, a phrase's words side by
// side (the whole phrase is the occurrence).
class Matcher {
public:
    explicit Matcher(QueryWords words)
        : words_(std::move(words)), loose_(words_.loose.begin(), words_.loose.end()),
          stemmer_(analysis::make_stemmer()) {}

    // Calls found(start, end) for each occurrence, in order: byte ranges of text.
    template <class Found>
    void each(const std::string& text, const Found& found) const {
        std::deque<std::pair<std::string, std::size_t>> recent;  // the last words and where they start
        for_each_word(text, [&](const std::string& term, std::size_t start, std::size_t end) {
            recent.emplace_back(term, start);
            if (recent.size() > std::max<std::size_t>(words_.longest_phrase, 1)) recent.pop_front();
            if (std::size_t from = phrase_ending(recent); from != std::string::npos) return found(from, end);
            if (is_wanted(term)) found(start, end);
        });
    }

private:
    // Where a phrase ending with the last word starts, or npos.
    std::size_t phrase_ending(const std::deque<std::pair<std::string, std::size_t>>& recent) const {
        for (const std::vector<std::string>& phrase : words_.phrases) {
            if (phrase.size() > recent.size()) continue;
            std::size_t first = recent.size() - phrase.size();
            bool same = true;
            for (std::size_t k = 0; k < phrase.size() && same; ++k) same = phrase[k] == recent[first + k].first;
            if (same) return recent[first].second;
        }
        return std::string::npos;
    }

    bool is_wanted(const std::string& term) const {
        if (loose_.contains(term) || loose_.contains("Z" + stemmer_(term))) return true;
        for (const std::string& pattern : words_.wildcards)
            if (term.starts_with(pattern)) return true;
        return false;
    }

    QueryWords words_;
    std::unordered_set<std::string> loose_;
    Xapian::Stem stemmer_;
};

// The text on one side of a match, at most context characters of it (whole
// UTF-8 characters), each run of white space one space.
std::string side(std::string_view text, std::size_t context, bool before) {
    std::string out;
    std::size_t characters = 0;
    auto push = [&](std::string_view character) {
        bool space = character == " " || character == "\n" || character == "\t" || character == "\r";
        if (space) {
            if (!out.empty() && (before ? out.front() : out.back()) == ' ') return;
            character = " ";
        }
        if (before) out.insert(0, character);
        else out.append(character);
        ++characters;
    };
    if (before) {
        std::size_t end = text.size();
        while (end > 0 && characters < context) {
            std::size_t start = end - 1;
            while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
            push(text.substr(start, end - start));
            end = start;
        }
    } else {
        std::size_t start = 0;
        while (start < text.size() && characters < context) {
            std::size_t end = start + 1;
            while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
            push(text.substr(start, end - start));
            start = end;
        }
    }
    return out;
}

// text with each run of white space one space (a phrase across a line break).
std::string one_line(std::string_view text) {
    std::string out;
    for (char c : text) {
        bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (!space) out += c;
        else if (out.empty() || out.back() != ' ') out += ' ';
    }
    return out;
}

}  // namespace

Concordance make_concordance(const SearchRequest& request, unsigned context,
                             const std::function<void(const Occurrence&)>& each) {
    const std::string where = request.databases.size() == 1 ? request.databases.front() : std::string("the databases");
    return store::with_database_errors(where, [&] {
        Xapian::Database db = store::open_for_search(request.databases);
        Xapian::Query query = parse_query(request.query, db,
                                          {.since = request.since, .until = request.until, .match_any = request.match_any});
        Concordance concordance;
        concordance.manifest = describe_answer(request, query);
        concordance.manifest.counts_exact = true;
        for (const std::string& path : request.databases) {
            std::optional<std::string> generation = store::is_remote(path) ? std::nullopt : store::live_generation(path);
            concordance.manifest.databases.push_back(describe_database(path, store::open_shard_for_search(path), generation));
        }
        Matcher matcher(read_query_words(query));
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.set_docid_order(Xapian::Enquire::ASCENDING);
        for (Xapian::doccount offset = 0;; offset += page_size) {
            Xapian::MSet page = enquire.get_mset(offset, page_size);
            for (auto hit = page.begin(); hit != page.end(); ++hit) {
                Xapian::Document document = hit.get_document();
                Article article = decode_article(document.get_data());
                ++concordance.articles;
                Occurrence occurrence{schema::stored_article_id(document), &article, "", "", "", ""};
                for (const auto& part : {std::pair<std::string_view, const std::string*>{"title", &article.title},
                                         {"text", &article.body}}) {
                    std::string_view written(*part.second);
                    SearchFolded folded = fold_for_search_mapped(written);
                    occurrence.field = part.first;
                    matcher.each(folded.text, [&](std::size_t start, std::size_t end) {
                        std::size_t from = folded.offsets[start], to = folded.offsets[end];
                        occurrence.left = side(written.substr(0, from), context, true);
                        occurrence.match = one_line(written.substr(from, to - from));
                        occurrence.right = side(written.substr(to), context, false);
                        ++concordance.occurrences;
                        each(occurrence);
                    });
                }
            }
            if (page.size() < page_size) break;
        }
        return concordance;
    });
}

}  // namespace dateline::searcher
