// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/copies.hpp"

#include <algorithm>
#include <tuple>
#include <vector>

#include "shared/dates.hpp"
#include "shared/document_codec.hpp"
#include "shared/schema.hpp"

namespace dateline::searcher {

Copies copies_of(const Xapian::Database& db, const std::string& cluster, Xapian::docid self) {
    struct Member {
        std::string date;  // YYYYMMDD, "" when undated
        Xapian::docid docid;
        std::string outlet;
    };
    // Undated last, then by date, then in the order indexed.
    auto earlier = [](const Member& a, const Member& b) {
        return std::make_tuple(a.date.empty(), a.date, a.docid) < std::make_tuple(b.date.empty(), b.date, b.docid);
    };
    const std::string term = schema::filter_term(schema::cluster, cluster);
    Copies copies;
    std::vector<Member> members;
    for (auto posting = db.postlist_begin(term); posting != db.postlist_end(term); ++posting) {
        if (*posting != self) ++copies.others;
        if (members.size() == max_copies_read && *posting != self) continue;
        Xapian::Document document = db.get_document(*posting);
        members.push_back({document.get_value(schema::date.slot), *posting, document.get_value(schema::outlet.slot)});
    }
    std::sort(members.begin(), members.end(), earlier);
    for (const Member& member : members)
        if (member.docid != self && !member.outlet.empty() &&
            std::find(copies.outlets.begin(), copies.outlets.end(), member.outlet) == copies.outlets.end())
            copies.outlets.push_back(member.outlet);
    if (members.empty()) return copies;
    const Member& first = members.front();
    Xapian::Document document = db.get_document(first.docid);
    copies.earliest.id = schema::stored_article_id(decode_article_metadata(document.get_data()), document);
    copies.earliest.outlet = first.outlet;
    if (auto date = parse_compact_date(first.date)) copies.earliest.date = format_iso_date(*date);
    return copies;
}

}  // namespace dateline::searcher
