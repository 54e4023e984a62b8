// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/search.hpp"

#include <algorithm>
#include <chrono>
#include <mutex>
#include <cmath>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <thread>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <malloc.h>

#include "searcher/common_words.hpp"
#include "searcher/copies.hpp"
#include "searcher/entity_query.hpp"
#include "searcher/database_part.hpp"
#include "searcher/facets.hpp"
#include "searcher/manifest.hpp"
#include "searcher/part_match.hpp"
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
std::vector<RankedEntry> by_recency(const std::vector<RankedEntry>& ranked, const Xapian::Database& db) {
    auto newest = parse_compact_date(db.get_value_upper_bound(schema::date.slot));
    double best = ranked.empty() ? 1 : std::max(ranked.front().entry.get_weight(), 1e-9);
    std::vector<std::pair<double, RankedEntry>> scored;
    for (const RankedEntry& e : ranked) {
        double blended = e.entry.get_weight() / best;
        auto date = parse_compact_date(e.entry.get_document().get_value(schema::date.slot));
        if (date && newest) {
            auto age = std::chrono::sys_days(*newest) - std::chrono::sys_days(*date);
            blended += std::exp2(-std::max(0.0, static_cast<double>(age.count())) / recent_half_life_days);
        }
        scored.emplace_back(blended, e);
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<RankedEntry> order;
    for (const auto& [score, e] : scored) order.push_back(e);
    return order;
}

// One hit: the entry at (0-based) place rank - 1 of the ranking, and its document.
Hit read_hit(const RankedEntry& e, const Xapian::Document& document, unsigned rank, const SearchRequest& request,
             const NameKeys& name_keys, const SnippetScorer* snippets) {
    // The text and the entities only when a snippet or the spellings need them.
    bool whole = request.snippet_length > 0 || !name_keys.empty();
    Hit hit;
    hit.rank = rank;
    hit.score = e.entry.get_weight();
    std::string data = document.get_data();
    hit.article = whole ? decode_article(data) : decode_article_metadata(data);
    hit.id = schema::stored_article_id(hit.article, document);
    if (snippets) hit.snippet = snippets->make(hit.article.body, request.snippet_length);
    hit.spellings = matched_spellings(hit.article, name_keys);
    hit.cluster = document.get_value(schema::cluster.slot);
    return hit;
}

// Runs work(t) for each t below threads side by side, t = 0 on this thread,
// and rethrows the first failure once all have finished.
template <typename Work>
void side_by_side(unsigned threads, const Work& work) {
    std::vector<std::exception_ptr> failures(threads);
    auto run = [&](unsigned t) {
        try {
            work(t);
        } catch (...) {
            failures[t] = std::current_exception();
        }
    };
    std::vector<std::thread> others;
    for (unsigned t = 1; t < threads; ++t) others.emplace_back(run, t);
    run(0);
    for (std::thread& other : others) other.join();
    for (const std::exception_ptr& failure : failures)
        if (failure) std::rethrow_exception(failure);
}

// The hits: entries ranked from first (0-based) on, already cut to the page.
// Matched in parts, each hit is read by the thread that matched its part,
// on that thread's handles, with one snippet scorer a part: a snippet
// weighs each word of the text by how common it is, most of a hit's cost on
// a large archive, so the page costs half as long on two cores.
// documents: the page's, fetched already, or empty: then each is fetched
// here, and kept in documents.
std::vector<Hit> read_hits(const std::vector<RankedEntry>& page, std::vector<Xapian::Document>& documents,
                           unsigned first_rank, const SearchRequest& request, const NameKeys& name_keys,
                           const std::vector<PartMatch>& matches, unsigned threads, WordRarity& rarity) {
    std::vector<Hit> hits(page.size());
    const bool fetch = documents.empty();
    if (fetch) documents.resize(page.size());
    std::vector<std::unique_ptr<SnippetScorer>> scorers(matches.size());  // each used by its part's thread only
    side_by_side(threads, [&](unsigned t) {
        for (std::size_t i = 0; i < page.size(); ++i) {
            const PartMatch& part = *page[i].part;
            std::size_t p = static_cast<std::size_t>(&part - matches.data());
            if (p % threads != t) continue;
            if (request.snippet_length > 0 && !scorers[p])
                scorers[p] = std::make_unique<SnippetScorer>(part.enquire->get_query(), part.mset, part.db, rarity);
            if (fetch) documents[i] = page[i].entry.get_document();
            hits[i] = read_hit(page[i], documents[i], first_rank + static_cast<unsigned>(i) + 1, request, name_keys,
                               scorers[p].get());
        }
    });
    return hits;
}

// The page's documents from remote databases. Xapian 1.4 fetches a remote
// document in a round trip of its own, which is most of a remote search's
// time: with several remote databases, each one's are fetched on a thread
// of its own, so that the servers work side by side.
std::vector<Xapian::Document> fetch_documents(const std::vector<RankedEntry>& page, const Searcher::Databases& handles) {
    std::vector<Xapian::Document> documents(page.size());
    const auto shards = static_cast<unsigned>(handles.shards.size());
    side_by_side(shards, [&](unsigned s) {
        for (std::size_t i = 0; i < page.size(); ++i) {
            Xapian::docid docid = *page[i].entry;  // numbered across the databases in turn
            if ((docid - 1) % shards == s) documents[i] = handles.shards[s].get_document((docid - 1) / shards + 1);
        }
    });
    return documents;
}

// Each hit of a group (hits[i], ranked as page[i], with documents[i]) gets
// its copies, read on db for the whole page at once (copies.hpp).
void add_copies(std::vector<Hit>& hits, const std::vector<RankedEntry>& page,
                const std::vector<Xapian::Document>& documents, const Xapian::Database& db, bool remote) {
    std::vector<std::pair<std::string, Xapian::docid>> grouped;
    std::vector<std::size_t> places;
    std::map<Xapian::docid, Xapian::Document> known;
    for (std::size_t i = 0; i < hits.size(); ++i) {
        if (hits[i].cluster.empty()) continue;
        grouped.emplace_back(hits[i].cluster, *page[i].entry);
        places.push_back(i);
        known.emplace(*page[i].entry, documents[i]);
    }
    std::vector<Copies> copies = copies_of(db, remote, grouped, known);
    for (std::size_t k = 0; k < places.size(); ++k) hits[places[k]].copies = std::move(copies[k]);
}

// The parts a search is matched in: none (one match of everything) when a
// database is remote, or one database is small (below split_from: there a
// thread costs more than it saves); else one a database, or for one large
// database, one range of its documents a core.
std::vector<DatabasePart> plan_parts(const std::vector<Xapian::Database>& shards, bool remote, unsigned cores,
                                     Xapian::doccount split_from) {
    std::vector<DatabasePart> parts;
    if (remote || shards.empty()) return parts;
    if (shards.size() > 1) {
        for (std::size_t i = 0; i < shards.size(); ++i) parts.push_back({shards[i].get_uuid(), i, 1, Xapian::docid(-1)});
        return parts;
    }
    const Xapian::Database& db = shards.front();
    if (cores < 2 || db.get_doccount() < split_from) return parts;
    Xapian::docid last = db.get_lastdocid(), step = last / cores + 1;
    std::string uuid = db.get_uuid();
    for (Xapian::docid first = 1; first <= last; first += step) parts.push_back({uuid, 0, first, first + step - 1});
    return parts;
}

// A copy of every handle for each further core, on the same revision as
// the first: a copy that opens on a newer commit makes the search start
// again (as a database modified underneath would).
void open_copies(Searcher::Databases& handles, unsigned wanted) {
    while (handles.copies.size() + 1 < wanted) {
        Searcher::Databases::Copy copy;
        for (std::size_t i = 0; i < handles.paths.size(); ++i) {
            copy.shards.push_back(store::open_shard_for_search(handles.paths[i]));
            if (copy.shards.back().get_revision() != handles.shards[i].get_revision() ||
                copy.shards.back().get_uuid() != handles.shards[i].get_uuid())
                throw Xapian::DatabaseModifiedError("a database changed while being opened again for another core");
            copy.db.add_database(copy.shards.back());
        }
        handles.copies.push_back(std::move(copy));
    }
}

// How many threads match parts: one a core, no more than there are parts.
unsigned part_threads(const Searcher::Databases& handles, const std::vector<DatabasePart>& parts) {
    return std::max(1u, std::min<unsigned>(handles.cores, static_cast<unsigned>(parts.size())));
}

// The parts matched side by side, one thread a core, each with handles of
// its own (Xapian's objects are not shared across threads; the query goes
// to each as its serialised form).
std::vector<PartMatch> match_parts(Searcher::Databases& handles, const Xapian::Query& query,
                                   const std::vector<DatabasePart>& parts, const MatchSettings& settings) {
    unsigned threads = part_threads(handles, parts);
    open_copies(handles, threads);
    const std::string serialised = query.serialise();
    std::vector<PartMatch> matches(parts.size());
    side_by_side(threads, [&](unsigned t) {
        const Xapian::Database& db = t == 0 ? handles.db : handles.copies[t - 1].db;
        Xapian::Query own = Xapian::Query::unserialise(serialised);
        const bool at_once = ranks_and_counts_at_once(own, settings);
        for (std::size_t p = t; p < parts.size(); p += threads) {
            if (at_once) {
                rank_and_count_part(matches[p], db, restrict_to(own, parts[p]), settings, handles.columns[parts[p].shard]);
                continue;
            }
            rank_part(matches[p], db, restrict_to(own, parts[p]), settings);
            if (!settings.facets) continue;
            DatabasePart sample = parts[p];
            sample.stride = settings.sample_stride;
            count_part(matches[p], db, own, &sample, settings, handles.columns[parts[p].shard]);
        }
    });
    return matches;
}

// One attempt on open databases. Xapian errors propagate untranslated so
// that the caller can tell a database changed underneath from a broken one.
SearchResult run_query(Searcher::Databases& handles, const SearchRequest& request, DatabaseAliases& aliases,
                       WordRarity& rarity) {
    Xapian::Database& db = handles.db;
    NameKeys name_keys;
    Xapian::Query query = weigh_common_words_zero(
        parse_query(request.query, db,
                    {.since = request.since,
                     .until = request.until,
                     .match_any = request.match_any,
                     .empty_matches_all = request.all_articles,
                     .aliases = &aliases},
                    &name_keys),
        db, request.common_share);
    if (request.added_after)
        query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                              Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::added.slot,
                                            schema::added_value(request.added_after->first + 1),
                                            schema::added_value(request.added_after->second)));
    // With facets every match is counted, which also makes the total exact;
    // estimated, a sample of about estimate_sample documents is, in blocks
    // spread evenly over the database (a few milliseconds on a million).
    Xapian::docid stride = 1;
    if (request.facets && request.estimate_facets && !handles.remote)
        stride = std::max<Xapian::docid>(1, db.get_doccount() / handles.estimate_sample);
    MatchSettings settings{.sort = request.sort,
                           .first = 0,
                           .count = request.recent ? std::max<Xapian::doccount>(recent_pool, request.offset + request.limit)
                                                   : request.offset + request.limit,
                           .facets = request.facets,
                           .sample_stride = stride,
                           .remote = handles.remote,
                           .weighting = request.weighting,
                           .deadline = request.deadline,
                           .collapse = request.collapse};
    std::vector<DatabasePart> parts = plan_parts(handles.shards, handles.remote, handles.cores, handles.split_from);
    std::vector<PartMatch> matches;
    if (parts.empty()) {
        // One match of everything: the columns serve it only when it is one database.
        auto columns = handles.columns.size() == 1 ? handles.columns.front() : nullptr;
        if (!request.recent) settings.first = request.offset, settings.count = request.limit;
        PartMatch& match = matches.emplace_back();
        if (ranks_and_counts_at_once(query, settings)) {
            rank_and_count_part(match, db, query, settings, columns);
        } else {
            rank_part(match, db, query, settings);
        }
        if (settings.facets && !match.counter) {
            std::optional<DatabasePart> sample;
            if (stride > 1) sample = DatabasePart{handles.shards.front().get_uuid(), 0, 1, Xapian::docid(-1), stride};
            count_part(match, db, query, sample ? &*sample : nullptr, settings, columns);
        }
    } else {
        matches = match_parts(handles, query, parts, settings);
    }

    if (request.deadline) request.deadline->check();
    std::vector<RankedEntry> ranked = merge_ranked(matches, request.sort, request.collapse);
    if (ranked.size() > settings.count) ranked.resize(settings.count);  // each part gave its best count
    unsigned skipped = settings.first;  // the matches ranked before the entries
    if (request.recent) ranked = by_recency(ranked, db);
    std::size_t from = std::min<std::size_t>(request.offset - skipped, ranked.size());
    std::vector<RankedEntry> page(ranked.begin() + static_cast<std::ptrdiff_t>(from),
                                  ranked.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(from + request.limit, ranked.size())));

    SearchResult result;
    result.query = request.query;
    result.manifest = describe_answer(request, query);
    result.counts_exact = true;
    // Not counted, a collapsed match estimates the articles before collapsing
    // and the stories after (a group in two parts, twice).
    unsigned estimated_stories = 0;
    for (const PartMatch& match : matches) {
        const Xapian::MSet& mset = match.mset;
        result.total += match.counted                ? *match.counted * stride
                        : request.collapse ? mset.get_uncollapsed_matches_estimated()
                                           : mset.get_matches_estimated();
        estimated_stories += mset.get_matches_estimated();
        bool bounds_meet = request.collapse
                               ? mset.get_uncollapsed_matches_lower_bound() == mset.get_uncollapsed_matches_upper_bound()
                               : mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
        result.counts_exact = result.counts_exact && stride == 1 && (match.counted || bounds_meet);
    }
    std::vector<Xapian::Document> documents;
    if (handles.remote) documents = fetch_documents(page, handles);
    result.hits = read_hits(page, documents, request.offset, request, name_keys, matches, part_threads(handles, parts),
                            rarity);
    add_copies(result.hits, page, documents, db, handles.remote);
    if (request.facets) {
        std::vector<const FacetCounter*> counters;
        for (const PartMatch& match : matches) counters.push_back(match.counter.get());
        unsigned later_copies = 0;
        // Several databases with columns: their values joined once, so that
        // from then on a search sums their counts as numbers.
        if (handles.columns.size() > 1 && ++handles.searches_counting == 2) {
            std::vector<const FacetColumns*> each;
            for (const auto& columns : handles.columns) each.push_back(columns.get());
            handles.columns_union = FacetColumnsUnion::of(each);
        }
        result.facets = merge_facets(counters, request.facet_sizes, request.date_facet_by_day, &later_copies,
                                     handles.columns_union.get());
        if (request.collapse) result.stories = result.total - later_copies * stride;
        if (stride > 1)
            for (Facet& facet : result.facets)
                for (FacetValue& value : facet.values) value.count *= stride;
    }
    if (request.collapse && !result.stories) result.stories = std::min(estimated_stories, result.total);
    if (result.total <= SearchResult::few) result.did_you_mean = suggest_query(request.query, db);
    result.manifest.counts_exact = result.counts_exact;
    return result;
}

// A search allocates and frees the same large arrays every time (facet
// counts, a few hundred kilobytes each). glibc's defaults hand such blocks
// back to the kernel when they are freed, so that the next query takes them
// again page by page, a page fault each: at a million articles that was
// a third of a query's time. Memory a search process has used is kept for
// the next query instead (up to the trim threshold).
void keep_freed_memory() {
    static std::once_flag once;
    std::call_once(once, [] {
        mallopt(M_MMAP_THRESHOLD, 32 << 20);
        mallopt(M_TRIM_THRESHOLD, 256 << 20);
    });
}

std::string describe_paths(const std::vector<std::string>& paths) { return fmt::format("{}", fmt::join(paths, ", ")); }

}  // namespace

Searcher::Searcher(std::vector<std::string> databases, bool allow_partial) : allow_partial_(allow_partial) {
    keep_freed_memory();
    requested_ = std::move(databases);
    open_.cores = std::max(1u, std::thread::hardware_concurrency());
    open();
}

void Searcher::set_split(Xapian::doccount from, unsigned cores) {
    open_.split_from = from;
    open_.cores = std::max(1u, cores);
}

void Searcher::open() {
    // The generation the stub names may be replaced, and deleted, between
    // reading the stub and opening it: then read the stub again.
    if (requested_.empty()) throw Error(ErrorKind::usage, "no database given", "name one with --db PATH");
    const auto began = std::chrono::steady_clock::now();
    for (int attempt = 1;; ++attempt) {
        // All of them, until they are open: generation_switched() reads
        // these beside generations_.
        open_.paths = requested_;
        // Each stub's stamp before the generation it names is read: a switch
        // after this shows at the next refresh() as a changed stub, even if
        // the open below already found the new generation.
        stamps_.clear();
        generations_.clear();
        for (const std::string& path : requested_) {
            store::FileStamp stub = store::stamp_database(path, std::nullopt).stub;
            generations_.push_back(store::is_remote(path) ? std::nullopt : store::live_generation(path));
            stamps_.push_back({stub, store::stamp_database(path, generations_.back()).version});
        }
        try {
            Xapian::Database combined;
            std::vector<Xapian::Database> shards;
            std::vector<std::string> open_paths, missing;
            std::vector<std::optional<std::string>> generations;
            std::vector<store::DatabaseStamp> stamps;
            for (std::size_t i = 0; i < requested_.size(); ++i) {
                try {
                    shards.push_back(store::open_shard_for_search(requested_[i]));
                } catch (const Error& error) {
                    // Left out only if some other database answers.
                    if (!allow_partial_ || !store::is_remote(requested_[i]) || error.kind() != ErrorKind::database ||
                        missing.size() + 1 == requested_.size())
                        throw;
                    missing.push_back(requested_[i]);
                    continue;
                }
                combined.add_database(shards.back());
                open_paths.push_back(requested_[i]);
                generations.push_back(generations_[i]);
                stamps.push_back(stamps_[i]);
            }
            open_.db = std::move(combined);
            open_.shards = std::move(shards);
            open_.paths = std::move(open_paths);
            open_.remote = std::any_of(open_.paths.begin(), open_.paths.end(),
                                       [](const std::string& p) { return store::is_remote(p); });
            generations_ = std::move(generations);
            stamps_ = std::move(stamps);
            missing_ = std::move(missing);
            const auto opened = std::chrono::steady_clock::now();
            retry_missing_at_ = opened + std::max<std::chrono::steady_clock::duration>(retry_missing_after,
                                                                                      10 * (opened - began));
            disconnected_ = false;
            open_.copies.clear();
            aliases_.forget();
            rarity_.forget();
            open_columns();
            return;
        } catch (const Error& error) {
            if (error.kind() != ErrorKind::database || !generation_switched() || attempt == 3) throw;
        }
    }
}

bool Searcher::generation_switched() const {
    for (std::size_t i = 0; i < open_.paths.size(); ++i)
        if (!store::is_remote(open_.paths[i]) && store::live_generation(open_.paths[i]) != generations_[i]) return true;
    return false;
}

void Searcher::open_columns() {
    const std::vector<std::string>& paths = open_.paths;
    open_.columns.assign(paths.size(), nullptr);
    open_.column_revisions.assign(paths.size(), 0);
    for (std::size_t i = 0; i < paths.size(); ++i) {
        if (store::is_remote(paths[i])) continue;
        std::filesystem::path dir = paths[i];
        if (generations_[i]) dir /= *generations_[i];
        store::with_database_errors(paths[i], [&] {
            open_.column_revisions[i] = open_.shards[i].get_revision();
            open_.columns[i] = FacetColumns::open(dir, open_.shards[i]);
        });
    }
    open_.columns_union = nullptr;
    open_.searches_counting = 0;
}

// A new live generation means new files: open afresh. Otherwise reopen()
// moves to the latest commit, if there is a newer one, and the facet columns
// are looked at again if it did. A stat of the stub and of the version file
// of each local database says whether to look at all; the stub is read
// whenever either changed (a new stub may have the inode and time of one
// replaced a moment before).
void Searcher::refresh() {
    if (disconnected_) return open();
    if (!missing_.empty() && std::chrono::steady_clock::now() >= retry_missing_at_) return open();
    if (held_) return;
    const std::vector<std::string>& paths = open_.paths;
    bool changed = open_.remote;  // a remote database says nothing until asked
    for (std::size_t i = 0; i < paths.size(); ++i) {
        if (store::is_remote(paths[i])) continue;
        store::DatabaseStamp stamp = store::stamp_database(paths[i], generations_[i]);
        if (stamp == stamps_[i]) continue;
        if (store::live_generation(paths[i]) != generations_[i]) return open();
        stamps_[i] = stamp;
        changed = true;
    }
    if (!changed) return;
    try {
        reopen();
    } catch (const Error& error) {
        // The generation switched, and was deleted, after the stub was read.
        if (error.kind() != ErrorKind::database || !generation_switched()) throw;
        open();
    }
}

void Searcher::reopen() {
    const std::vector<std::string>& paths = open_.paths;
    store::with_database_errors(describe_paths(paths), [&] {
        try {
            if (!open_.db.reopen()) return;
        } catch (const Xapian::NetworkError& error) {
            // A server restarted since the last search: connect again.
            if (std::string_view(error.get_type()) == "NetworkTimeoutError") throw;
            return open();
        } catch (const Xapian::DatabaseOpeningError&) {
            // A served database rebuilt: its server's connection still holds
            // the generation the rebuild removed; a new one opens the live one.
            if (!open_.remote) throw;
            return open();
        }
        // A remote database may have switched generation, and dictionary.
        for (std::size_t i = 0; i < paths.size(); ++i)
            if (store::is_remote(paths[i])) store::load_article_dictionary(open_.shards[i]);
        open_.copies.clear();  // on the old revision
        aliases_.forget();
        rarity_.forget();
        for (std::size_t i = 0; i < paths.size(); ++i)
            if (!store::is_remote(paths[i]) && open_.shards[i].get_revision() != open_.column_revisions[i]) return open_columns();
    });
}

template <class Read>
auto Searcher::on_current(Read read) {
    refresh();
    constexpr int attempts = 3;
    for (int attempt = 1;; ++attempt) {
        try {
            return read();
        } catch (const Xapian::DatabaseModifiedError& error) {
            if (attempt == attempts) throw store::translate(error, describe_paths(open_.paths));
            open();
        } catch (const Xapian::NetworkError& error) {
            // A remote server went away during the search (or timed out):
            // the error names it, and the next search connects again. Or,
            // allowed, the search is made again without it.
            disconnected_ = true;
            if (!allow_partial_ || attempt == attempts) throw store::translate(error, describe_paths(open_.paths));
            open();
        } catch (const Xapian::Error& error) {
            // A generation switched and deleted under the search: a table
            // Xapian opens only when first read (spelling, synonyms) is gone.
            // Over tcp the server says so as it cannot open it.
            const std::string_view type = error.get_type();  // Xapian 1.4's errors are not polymorphic
            bool switched = generation_switched() ||
                            (open_.remote && (type == "DatabaseOpeningError" || type == "DatabaseNotFoundError"));
            if (attempt == attempts || !switched) throw store::translate(error, describe_paths(open_.paths));
            open();
        }
    }
}

SearchResult Searcher::search(const SearchRequest& request) {
    check_request(request);
    if (request.deadline) request.deadline->check();
    return on_current([&] {
        SearchResult result = run_query(open_, request, aliases_, rarity_);
        result.missing = missing_;
        for (std::size_t i = 0; i < open_.paths.size(); ++i)
            result.manifest.databases.push_back(describe_database(open_.paths[i], open_.shards[i], generations_[i]));
        return result;
    });
}

std::optional<Article> Searcher::find_article(const std::string& id) {
    return on_current([&]() -> std::optional<Article> {
        std::string term = schema::filter_term(schema::id, id);
        Xapian::PostingIterator posting = open_.db.postlist_begin(term);
        if (posting == open_.db.postlist_end(term)) return std::nullopt;
        return decode_article(open_.db.get_document(*posting).get_data());
    });
}

SearchResult search(const SearchRequest& request) {
    return Searcher(request.databases, request.allow_partial).search(request);
}

}  // namespace dateline::searcher
