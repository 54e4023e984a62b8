// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/search.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "searcher/common_words.hpp"
#include "searcher/entity_query.hpp"
#include "searcher/facets.hpp"
#include "searcher/query_parser.hpp"
#include "searcher/search_request.hpp"
#include "searcher/snippet.hpp"
#include "searcher/suggest.hpp"
#include "shared/analysis.hpp"
#include "shared/dates.hpp"
#include "shared/document_codec.hpp"
#include "shared/error.hpp"
#include "shared/generations.hpp"
#include "shared/schema.hpp"
#include "shared/store.hpp"
#include "shared/text.hpp"

namespace dateline::searcher {
namespace {

// The words of the article's entity names whose variant key is one the query
// matched through.
std::vector<std::string> matched_spellings(const Article& article, const NameKeys& name_keys) {
    std::vector<std::string> spellings;
    if (name_keys.empty()) return spellings;
    for (const Entity& entity : article.entities)
        for (const std::string& form : entity.forms)
            for (std::size_t start = 0; start < form.size();) {
                std::size_t end = std::min(form.find(' ', start), form.size());
                std::string word = form.substr(start, end - start);
                start = end + 1;
                auto key = name_keys.find(variant_key(word, EntityType::person));
                // Spellings other than the query's own: those are what needs saying.
                if (key == name_keys.end() || key->second.count(fold_for_matching(word))) continue;
                if (std::find(spellings.begin(), spellings.end(), word) == spellings.end()) spellings.push_back(word);
            }
    return spellings;
}

// How many of the best matches --recent reorders: recency lifts an article
// among the relevant ones, never from the tail of a broad query.
constexpr Xapian::doccount recent_pool = 200;
constexpr double recent_half_life_days = 180;

// --recent: each match's weight over the best weight, plus one half-life
// decay of its age before the newest article the database holds (an archive's
// "now" is its last article, not today). Undated articles get no lift.
std::vector<Xapian::MSetIterator> by_recency(const Xapian::MSet& mset, const Xapian::Database& db) {
    auto newest = parse_compact_date(db.get_value_upper_bound(schema::date.slot));
    double best = mset.empty() ? 1 : std::max(mset.begin().get_weight(), 1e-9);
    std::vector<std::pair<double, Xapian::MSetIterator>> scored;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        double blended = it.get_weight() / best;
        auto date = parse_compact_date(it.get_document().get_value(schema::date.slot));
        if (date && newest) {
            auto age = std::chrono::sys_days(*newest) - std::chrono::sys_days(*date);
            blended += std::exp2(-std::max(0.0, static_cast<double>(age.count())) / recent_half_life_days);
        }
        scored.emplace_back(blended, it);
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<Xapian::MSetIterator> order;
    for (const auto& [score, it] : scored) order.push_back(it);
    return order;
}

std::vector<Hit> read_hits(const Xapian::MSet& mset, const SearchRequest& request,
                           const NameKeys& name_keys, const Xapian::Database& db) {
    std::vector<Xapian::MSetIterator> order;
    if (request.recent) {
        order = by_recency(mset, db);
        // The pool was fetched from the first match: now cut out the page.
        order.erase(order.begin(), order.begin() + std::min<std::size_t>(request.offset, order.size()));
        if (order.size() > request.limit) order.resize(request.limit);
    } else {
        for (auto it = mset.begin(); it != mset.end(); ++it) order.push_back(it);
    }
    std::vector<Hit> hits;
    unsigned rank = request.recent ? request.offset : 0;
    for (const Xapian::MSetIterator& it : order) {
        Xapian::Document document = it.get_document();
        Hit hit;
        hit.rank = request.recent ? ++rank : it.get_rank() + 1;
        hit.id = schema::stored_article_id(document);
        hit.score = it.get_weight();
        hit.article = decode_article(document.get_data());
        if (request.snippet_length > 0) hit.snippet = make_snippet(mset, hit.article.body, request.snippet_length);
        hit.spellings = matched_spellings(hit.article, name_keys);
        hits.push_back(std::move(hit));
    }
    return hits;
}

// One attempt on an open database. Xapian errors propagate untranslated so
// that the caller can tell a database changed underneath from a broken one.
SearchResult run_query(Xapian::Database& db, const SearchRequest& request, DatabaseAliases& aliases, bool remote) {
    NameKeys name_keys;
    Xapian::Query query = parse_query(
        request.query, db,
        {.since = request.since, .until = request.until, .match_any = request.match_any, .aliases = &aliases},
        &name_keys);
    Xapian::Enquire enquire(db);
    analysis::configure(enquire);
    enquire.set_query(weigh_common_words_zero(query, db));
    std::optional<FacetCounter> counter;
    if (request.facets) counter.emplace(enquire, remote);
    // Facets are exact only if every match is seen: ask Xapian to check
    // them all, which also makes the total exact.
    Xapian::doccount check_at_least = request.facets ? db.get_doccount() : 0;
    // Undated articles go last either way: "99999999" sorts after any date,
    // and "" (no value) before any when reversed.
    Xapian::MultiValueKeyMaker by_date;
    if (request.sort != SortOrder::relevance) {
        bool newest_first = request.sort == SortOrder::newest_first;
        by_date.add_value(schema::date.slot, newest_first, newest_first ? "" : "99999999");
        enquire.set_sort_by_key_then_relevance(&by_date, false);
    }
    Xapian::MSet mset = request.recent
        ? enquire.get_mset(0, std::max<Xapian::doccount>(recent_pool, request.offset + request.limit), check_at_least)
        : enquire.get_mset(request.offset, request.limit, check_at_least);

    SearchResult result;
    result.query = request.query;
    result.total = mset.get_matches_estimated();
    result.counts_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    result.hits = read_hits(mset, request, name_keys, db);
    if (counter) result.facets = counter->facets(request.facet_sizes);
    if (result.total <= SearchResult::few) result.did_you_mean = suggest_query(request.query, db);
    return result;
}

std::string describe_paths(const std::vector<std::string>& paths) { return fmt::format("{}", fmt::join(paths, ", ")); }

}  // namespace

Searcher::Searcher(std::vector<std::string> databases) : paths_(std::move(databases)) { open(); }

void Searcher::open() {
    // The generation the stub names may be replaced, and deleted, between
    // reading the stub and opening it: then read the stub again.
    for (int attempt = 1;; ++attempt) {
        generations_.clear();
        for (const std::string& path : paths_) generations_.push_back(store::live_generation(path));
        try {
            db_ = store::open_for_search(paths_);
            return;
        } catch (const Error& error) {
            bool switched = false;
            for (std::size_t i = 0; i < paths_.size(); ++i)
                switched = switched || store::live_generation(paths_[i]) != generations_[i];
            if (error.kind() != ErrorKind::database || !switched || attempt == 3) throw;
        }
    }
}

// A new live generation means new files: open afresh. Otherwise reopen()
// cheaply moves to the latest commit, if there is a newer one.
void Searcher::refresh() {
    for (std::size_t i = 0; i < paths_.size(); ++i) {
        if (store::live_generation(paths_[i]) != generations_[i]) return open();
    }
    store::with_database_errors(describe_paths(paths_), [&] { db_.reopen(); });
}

SearchResult Searcher::search(const SearchRequest& request) {
    check_request(request);
    refresh();
    constexpr int attempts = 3;
    for (int attempt = 1;; ++attempt) {
        try {
            bool remote = std::any_of(paths_.begin(), paths_.end(), [](const std::string& p) { return store::is_remote(p); });
            return run_query(db_, request, aliases_, remote);
        } catch (const Xapian::DatabaseModifiedError& error) {
            if (attempt == attempts) throw store::translate(error, describe_paths(paths_));
            open();
        } catch (const Xapian::Error& error) {
            throw store::translate(error, describe_paths(paths_));
        }
    }
}

SearchResult search(const SearchRequest& request) { return Searcher(request.databases).search(request); }

}  // namespace dateline::searcher
