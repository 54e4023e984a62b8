// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/copies.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "shared/dates.hpp"
#include "shared/document_codec.hpp"
#include "shared/schema.hpp"

namespace dateline::searcher {
namespace {

struct Member {
    std::string date;  // YYYYMMDD, "" when undated
    Xapian::docid docid;
    std::string outlet;
    Xapian::Document document;
};

// Each group's articles: their document ids, up to max_copies_read past
// the first, and how many in all.
struct Group {
    std::vector<Xapian::docid> docids;
    unsigned count = 0;
    void add(Xapian::docid docid) {
        if (count++ <= max_copies_read) docids.push_back(docid);
    }
};

std::map<std::string, Group> read_groups(const Xapian::Database& db, bool remote,
                                         const std::vector<std::pair<std::string, Xapian::docid>>& hits) {
    std::map<std::string, Group> groups;
    for (const auto& [cluster, self] : hits) groups.try_emplace(cluster);
    const Xapian::valueno slot = schema::cluster.slot;
    if (!remote) {
        for (auto value = db.valuestream_begin(slot); value != db.valuestream_end(slot); ++value)
            if (auto group = groups.find(*value); group != groups.end()) group->second.add(value.get_docid());
        return groups;
    }
    for (auto& [cluster, group] : groups) {
        Xapian::Enquire enquire(db);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.set_query(Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, cluster, cluster));
        Xapian::MSet members = enquire.get_mset(0, db.get_doccount());
        for (auto it = members.begin(); it != members.end(); ++it) group.add(*it);
    }
    return groups;
}

Copies describe(const Xapian::Database& db, const Group& group, Xapian::docid self,
                const std::map<Xapian::docid, Xapian::Document>& known) {
    // Undated last, then by date, then in the order indexed.
    auto earlier = [](const Member& a, const Member& b) {
        return std::make_tuple(a.date.empty(), a.date, a.docid) < std::make_tuple(b.date.empty(), b.date, b.docid);
    };
    Copies copies;
    copies.others = group.count - (std::find(group.docids.begin(), group.docids.end(), self) != group.docids.end() ||
                                   group.count > group.docids.size());
    std::vector<Member> members;
    for (Xapian::docid docid : group.docids) {
        auto found = known.find(docid);
        Xapian::Document document = found != known.end() ? found->second : db.get_document(docid);
        members.push_back({document.get_value(schema::date.slot), docid, document.get_value(schema::outlet.slot), document});
    }
    std::sort(members.begin(), members.end(), earlier);
    for (const Member& member : members)
        if (member.docid != self && !member.outlet.empty() &&
            std::find(copies.outlets.begin(), copies.outlets.end(), member.outlet) == copies.outlets.end())
            copies.outlets.push_back(member.outlet);
    if (members.empty()) return copies;
    const Member& first = members.front();
    copies.earliest.id = schema::stored_article_id(decode_article_metadata(first.document.get_data()), first.document);
    copies.earliest.outlet = first.outlet;
    if (auto date = parse_compact_date(first.date)) copies.earliest.date = format_iso_date(*date);
    return copies;
}

}  // namespace

std::vector<Copies> copies_of(const Xapian::Database& db, bool remote,
                              const std::vector<std::pair<std::string, Xapian::docid>>& hits,
                              const std::map<Xapian::docid, Xapian::Document>& known) {
    std::vector<Copies> found;
    if (hits.empty()) return found;
    const std::map<std::string, Group> groups = read_groups(db, remote, hits);
    for (const auto& [cluster, self] : hits) found.push_back(describe(db, groups.at(cluster), self, known));
    return found;
}

}  // namespace dateline::searcher
