// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/part_match.hpp"

#include <algorithm>
#include <set>
#include <string>

#include "searcher/posting_walk.hpp"
#include "shared/analysis.hpp"
#include "shared/schema.hpp"

namespace dateline::searcher {

namespace {

// The ranking Enquire of part, set up for query.
Xapian::Enquire& set_up_ranking(PartMatch& part, const Xapian::Database& db, const Xapian::Query& query,
                                const MatchSettings& settings) {
    part.db = db;
    part.enquire = std::make_unique<Xapian::Enquire>(db);
    Xapian::Enquire& enquire = *part.enquire;
    analysis::configure(enquire, settings.weighting.empty() ? analysis::default_weighting : settings.weighting);
    enquire.set_query(query);
    if (settings.collapse) enquire.set_collapse_key(schema::cluster.slot);  // an article alone has no key
    if (settings.sort != SortOrder::relevance) {
        // Undated articles go last either way: "99999999" sorts after any
        // date, and "" (no value) before any when reversed.
        bool newest_first = settings.sort == SortOrder::newest_first;
        part.sorter = std::make_unique<Xapian::MultiValueKeyMaker>();
        part.sorter->add_value(schema::date.slot, newest_first, newest_first ? "" : "99999999");
        enquire.set_sort_by_key_then_relevance(part.sorter.get(), false);
    }
    return enquire;
}

// With a deadline, a spy on enquire that stops the match when it is past
// (local databases: a remote one cannot run it).
void watch_deadline(PartMatch& part, Xapian::Enquire& enquire, const MatchSettings& settings) {
    if (!settings.deadline || settings.remote) return;
    part.deadline_spy = std::make_unique<DeadlineSpy>(*settings.deadline);
    enquire.add_matchspy(part.deadline_spy.get());
}

bool checks_positions(const Xapian::Query& query) {
    if (query.get_type() == Xapian::Query::OP_PHRASE || query.get_type() == Xapian::Query::OP_NEAR) return true;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
        if (checks_positions(query.get_subquery(i))) return true;
    return false;
}

}  // namespace

void rank_part(PartMatch& part, const Xapian::Database& db, const Xapian::Query& query, const MatchSettings& settings) {
    part.mset = set_up_ranking(part, db, query, settings).get_mset(settings.first, settings.count);
}

bool ranks_and_counts_at_once(const Xapian::Query& query, const MatchSettings& settings) {
    return settings.facets && settings.sample_stride <= 1 && checks_positions(query);
}

void rank_and_count_part(PartMatch& part, const Xapian::Database& db, const Xapian::Query& query,
                         const MatchSettings& settings, std::shared_ptr<const FacetColumns> columns) {
    Xapian::Enquire& enquire = set_up_ranking(part, db, query, settings);
    part.counter = std::make_unique<FacetCounter>(enquire, std::move(columns), settings.remote);
    watch_deadline(part, enquire, settings);
    // Every match checked: the spies see them all, and the count is exact.
    part.mset = enquire.get_mset(settings.first, settings.count, db.get_doccount());
    part.counter->finish();
    // Every match checked: the counter saw each (before any collapsing).
    part.counted = part.counter->matches();
}

void count_part(PartMatch& part, const Xapian::Database& db, const Xapian::Query& query, const DatabasePart* range,
                const MatchSettings& settings, std::shared_ptr<const FacetColumns> columns) {
    part.counting = std::make_unique<Xapian::Enquire>(db);
    Xapian::Enquire& enquire = *part.counting;
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_query(range ? restrict_to(query, *range) : query);
    part.counter = std::make_unique<FacetCounter>(enquire, std::move(columns), settings.remote);
    if (part.counter->counts_columns() && db.size() == 1 && (!range || range->stride <= 1)) {
        if (auto ids = walk_matches(db, query, range ? range->first : 1, range ? range->last : Xapian::docid(-1))) {
            part.counted = ids->size();
            part.counter->add_matches(std::move(*ids));
            part.counter->finish();
            return;
        }
    }
    // No entries wanted, every match checked: the spies see them all.
    watch_deadline(part, enquire, settings);
    Xapian::MSet counted = enquire.get_mset(0, 0, db.get_doccount());
    part.counter->finish();
    part.counted = counted.get_matches_estimated();
}

std::vector<RankedEntry> merge_ranked(const std::vector<PartMatch>& parts, SortOrder sort, bool collapse) {
    std::vector<RankedEntry> entries;
    for (const PartMatch& part : parts)
        for (auto it = part.mset.begin(); it != part.mset.end(); ++it) entries.push_back({&part, it});
    if (parts.size() == 1) return entries;  // already in order
    std::vector<std::string> keys;
    if (sort != SortOrder::relevance)
        for (const RankedEntry& e : entries) keys.push_back(e.entry.get_sort_key());
    std::vector<std::size_t> order(entries.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (!keys.empty() && keys[a] != keys[b]) return keys[a] < keys[b];
        double wa = entries[a].entry.get_weight(), wb = entries[b].entry.get_weight();
        if (wa != wb) return wa > wb;
        return *entries[a].entry < *entries[b].entry;
    });
    std::vector<RankedEntry> merged;
    merged.reserve(entries.size());
    std::set<std::string> groups;
    for (std::size_t i : order) {
        std::string group = collapse ? entries[i].entry.get_collapse_key() : std::string();
        if (!group.empty() && !groups.insert(group).second) continue;
        merged.push_back(entries[i]);
    }
    return merged;
}

}  // namespace dateline::searcher
