// SPDX-License-Identifier: GPL-2.0-or-later
// The searcher's entry point: a request in, ranked hits with snippets and
// exact facet counts out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "searcher/entity_query.hpp"
#include "searcher/search_types.hpp"
#include "searcher/word_rarity.hpp"
#include "shared/facet_columns.hpp"
#include "shared/generations.hpp"

namespace dateline::searcher {

// Databases held open across queries (batch mode, a shell), kept current:
// before each query it follows a rebuild or compaction to the new live
// generation, or else catches up with commits made in place; a query that
// meets a database changed underneath it (DatabaseModifiedError) is retried
// on a fresh view.
class Searcher {
public:
    // Throws Error (usage, database, schema_mismatch). allow_partial: a
    // remote database that cannot be reached is left out, unless all are,
    // and tried again at a search at least retry_missing_after later, and at
    // least ten times as long as the failed open took: a server that hangs
    // until --remote-timeout holds up no more than a tenth of the time.
    explicit Searcher(std::vector<std::string> databases, bool allow_partial = false);
    static constexpr std::chrono::milliseconds retry_missing_after{1000};

    // Throws Error: usage (empty or unparsable query), database.
    SearchResult search(const SearchRequest& request);

    // The article with that id (16 hex digits) in any of the databases, or
    // nullopt. Throws Error (database).
    std::optional<Article> find_article(const std::string& id);

    // A database of at least this many documents is matched in parts, one
    // a core (default 50,000); for tests and benchmarks. cores: how many
    // threads a search may use (default: one a core).
    void set_split(Xapian::doccount from, unsigned cores);
    // While held, searches stay on the revision (and generation) open now
    // instead of following the database: the pages of one long answer
    // (an alert's new articles) then line up, whatever is written meanwhile.
    // Only a database changed so much that the revision is gone
    // (DatabaseModifiedError) is opened afresh.
    void hold(bool held) { held_ = held; }
    // --facets estimate counts about this many documents (default 50,000).
    void set_estimate_sample(Xapian::doccount documents) { open_.estimate_sample = std::max<Xapian::doccount>(documents, 1); }

    // What a Searcher holds open (used by search.cpp).
    struct Databases {
        std::vector<std::string> paths;
        Xapian::Database db;                  // all of them, as one
        std::vector<Xapian::Database> shards;  // each of them, as db holds it
        std::vector<std::shared_ptr<const FacetColumns>> columns;  // by shard; null: count from the slots
        std::vector<Xapian::rev> column_revisions;                 // the revision each was checked at
        // Several databases' columns joined (facets.hpp), made at the second
        // search that counts facets on them: a one-shot search, which
        // counts a few matches, would spend more on the joining than it saves.
        std::shared_ptr<const FacetColumnsUnion> columns_union;
        unsigned searches_counting = 0;  // since the columns were opened
        // For each further core, its own handles on the same revision,
        // opened when a search is first matched in parts.
        struct Copy {
            Xapian::Database db;
            std::vector<Xapian::Database> shards;
        };
        std::vector<Copy> copies;
        bool remote = false;
        unsigned cores = 1;
        Xapian::doccount split_from = 50'000;
        Xapian::doccount estimate_sample = 50'000;
    };

private:
    void refresh();
    void reopen();  // to the latest commit of the generations open
    // read() on the current revision, tried again on a fresh one if the
    // databases changed under it.
    template <class Read> auto on_current(Read read);
    void open();
    // Whether a local database's live generation is no longer the one opened.
    bool generation_switched() const;
    // Each local database's facet columns, if they are of its revision.
    void open_columns();

    std::vector<std::optional<std::string>> generations_;  // live when opened
    std::vector<store::DatabaseStamp> stamps_;             // of each local database, when last looked at
    Databases open_;
    DatabaseAliases aliases_;  // the entity aliases the databases were built with
    WordRarity rarity_;        // how many articles hold each word snippets met
    bool held_ = false;
    bool disconnected_ = false;  // a remote database's connection failed: connect again first
    std::vector<std::string> requested_;  // every database asked for; open_.paths: those open
    bool allow_partial_ = false;
    std::vector<std::string> missing_;    // requested, remote, not reached at the last open
    std::chrono::steady_clock::time_point retry_missing_at_;
};

// One query on request.databases, opened for it alone.
SearchResult search(const SearchRequest& request);

}  // namespace dateline::searcher
