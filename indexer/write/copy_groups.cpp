// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/write/copy_groups.hpp"

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "indexer/clusters/copy_clusters.hpp"
#include "shared/dates.hpp"
#include "shared/document_codec.hpp"
#include "shared/schema.hpp"
#include "shared/stable_hash.hpp"
#include "shared/store.hpp"

namespace dateline::indexer {
namespace {

std::optional<int> day_of(const std::string& compact_date) {
    std::optional<Date> date = parse_compact_date(compact_date);
    if (!date) return std::nullopt;
    return static_cast<int>(std::chrono::sys_days(*date).time_since_epoch().count());
}

std::uint64_t sequence_of(const std::string& value) {
    if (value.empty()) return 0;
    double sequence = Xapian::sortable_unserialise(value);
    return sequence > 0 ? static_cast<std::uint64_t>(sequence) : 0;
}

// The days to group: those within the window of an article added after
// through (none if none is dated), or every day when through is 0 (a new
// database, a rebuild, or one grouped by no run yet).
class DaysToGroup {
public:
    DaysToGroup(const Xapian::Database& db, std::uint64_t through, int window) : every_(through == 0), window_(window) {
        if (every_) return;
        for (auto added = db.valuestream_begin(schema::added.slot); added != db.valuestream_end(schema::added.slot); ++added) {
            if (sequence_of(*added) <= through) continue;
            if (std::optional<int> day = day_of(db.get_document(added.get_docid()).get_value(schema::date.slot)))
                added_.push_back(*day);
        }
        std::sort(added_.begin(), added_.end());
        added_.erase(std::unique(added_.begin(), added_.end()), added_.end());
    }
    bool none() const { return !every_ && added_.empty(); }
    bool contains(int day) const {
        if (every_) return true;
        auto near = std::lower_bound(added_.begin(), added_.end(), day - window_);
        return near != added_.end() && *near <= day + window_;
    }

private:
    bool every_;
    int window_;
    std::vector<int> added_;  // sorted
};

std::string group_id(const Xapian::Document& earliest) {
    return fmt::format("{:016x}", StableHash().add(schema::stored_article_id(earliest)).value());
}

}  // namespace

CopyGrouping group_copies(Xapian::WritableDatabase& db) {
    CopyGrouping result;
    const std::uint64_t through = sequence_of(db.get_metadata(std::string(schema::copies_grouped_metadata)));
    const std::uint64_t now = schema::commit_sequence(db);
    if (sequence_of(db.get_value_upper_bound(schema::added.slot)) <= through) return result;  // nothing added
    auto done = [&] {
        db.set_metadata(std::string(schema::copies_grouped_metadata), Xapian::sortable_serialise(static_cast<double>(now)));
        db.commit();
        return result;
    };
    const DaysToGroup days(db, through, CopyClusters::default_window_days);
    if (days.none()) return done();
    const bool whole = through == 0;  // every article is in the pass

    // The articles of the week around each one added, in order of date.
    std::vector<std::pair<int, Xapian::docid>> dated;
    for (auto date = db.valuestream_begin(schema::date.slot); date != db.valuestream_end(schema::date.slot); ++date) {
        std::optional<int> day = day_of(*date);
        if (day && days.contains(*day)) dated.emplace_back(*day, date.get_docid());
    }
    std::sort(dated.begin(), dated.end());

    store::load_article_dictionary(db);
    CopyClusters clusters;
    std::unordered_map<std::size_t, std::string> had;  // the articles already in a group: its id
    for (std::size_t n = 0; n < dated.size(); ++n) {
        Xapian::Document document = db.get_document(dated[n].second);
        if (std::string group = document.get_value(schema::cluster.slot); !group.empty()) had.emplace(n, std::move(group));
        clusters.add(dated[n].first, sketch_text(decode_article(document.get_data()).body));
        ++result.compared;
    }
    std::vector<std::uint32_t> group_size(dated.size(), 0);  // by each group's earliest article
    for (std::size_t n = 0; n < dated.size(); ++n) ++group_size[clusters.earliest(n)];
    // Groups of two or more, by earliest article: the id the earliest of
    // its articles already in a group has (so a group keeps its id when a
    // copy older than its first is added, or it reaches back past this
    // pass), else one made from its earliest article.
    // A whole pass (a rebuild, which carries the ids over) may split a group:
    // only the first of its parts keeps the id. A partial pass may see
    // parts of a group whose link lies outside it: they all keep the id.
    std::unordered_map<std::size_t, std::string> ids;
    std::unordered_set<std::string> taken;
    for (std::size_t n = 0; n < dated.size(); ++n) {
        auto old = had.find(n);
        if (old == had.end() || ids.contains(clusters.earliest(n))) continue;
        if (whole && !taken.insert(old->second).second) continue;
        ids.emplace(clusters.earliest(n), old->second);
    }
    for (std::size_t n = 0; n < dated.size(); ++n) {
        const std::size_t earliest = clusters.earliest(n);
        std::string id;
        if (group_size[earliest] > 1) {
            auto [known, fresh] = ids.try_emplace(earliest);
            if (fresh) known->second = group_id(db.get_document(dated[earliest].second));
            id = known->second;
        } else if (!whole) {
            continue;  // alone in this pass, perhaps not in the whole archive
        }
        auto current = had.find(n);
        if (id == (current == had.end() ? std::string() : current->second)) continue;  // as it is
        Xapian::Document document = db.get_document(dated[n].second);
        document.add_value(schema::cluster.slot, id);  // "" removes it
        // The document as read, only a value changed: Xapian rewrites the value alone.
        db.replace_document(dated[n].second, document);
        ++result.changed;
    }
    return done();
}

}  // namespace dateline::indexer
