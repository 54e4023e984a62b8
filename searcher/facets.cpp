// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/facets.hpp"

#include <algorithm>
#include <map>

#include "searcher/entity_facets.hpp"
#include "shared/dates.hpp"
#include "shared/schema.hpp"

namespace dateline::searcher {

struct FacetCounter::Counted {
    Counted(const schema::Field& counted_field, Xapian::valueno slot) : field(counted_field), spy(slot) {}
    const schema::Field& field;
    Xapian::ValueCountMatchSpy spy;  // not copyable, hence the unique_ptr
};

namespace {

Facet by_count(std::string name, const Xapian::ValueCountMatchSpy& spy) {
    Facet facet{std::move(name), {}};
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it)
        facet.values.push_back({*it, it.get_termfreq()});
    std::stable_sort(facet.values.begin(), facet.values.end(),
                     [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
    return facet;
}

// The slot holds YYYYMMDD; counting days and summing them into months costs
// one pass over the distinct days, not over the matches.
Facet by_month(const Xapian::ValueCountMatchSpy& spy) {
    std::map<std::string, unsigned> months;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it)
        if (auto day = parse_compact_date(*it)) months[format_iso_month(*day)] += it.get_termfreq();
    Facet facet{"month", {}};
    for (const auto& [month, count] : months) facet.values.push_back({month, count});
    return facet;
}

// An entity field's values, over all its slots.
Facet by_entity(const schema::Field& field, EntityType type, const std::vector<const Xapian::ValueCountMatchSpy*>& spies) {
    std::map<std::string, unsigned> counts;
    for (const auto* spy : spies)
        for (auto it = spy->values_begin(); it != spy->values_end(); ++it) counts[*it] += it.get_termfreq();
    return Facet{std::string(field.name), fold_entity_facet(counts, type)};
}

}  // namespace

// One spy per slot: an entity field spreads its values over several slots,
// and only Xapian's own spies run on a remote (xapian-tcpsrv) database.
FacetCounter::FacetCounter(Xapian::Enquire& enquire) {
    for (const schema::Field& field : schema::all_fields) {
        if (!field.has(schema::facet)) continue;
        for (Xapian::valueno n = 0; n < field.slot_count; ++n) {
            counted_.push_back(std::make_unique<Counted>(field, field.slot + n));
            enquire.add_matchspy(&counted_.back()->spy);
        }
    }
}

FacetCounter::~FacetCounter() = default;

std::vector<Facet> FacetCounter::facets(const std::map<std::string, unsigned>& sizes) const {
    std::vector<Facet> facets;
    for (std::size_t i = 0; i < counted_.size();) {
        const schema::Field& field = counted_[i]->field;
        if (field.has(schema::date_filter)) facets.push_back(by_month(counted_[i]->spy));
        else if (field.has(schema::entity_filter)) {
            std::vector<const Xapian::ValueCountMatchSpy*> spies;
            for (std::size_t n = 0; n < field.slot_count; ++n) spies.push_back(&counted_[i + n]->spy);
            facets.push_back(by_entity(field, *schema::entity_type_of(field), spies));
        } else {
            facets.push_back(by_count(std::string(field.name), counted_[i]->spy));
        }
        i += field.slot_count;
        auto size = sizes.find(facets.back().name);
        unsigned keep = size == sizes.end() ? SearchRequest::default_facet_size : size->second;
        if (!field.has(schema::date_filter) && keep > 0 && facets.back().values.size() > keep)
            facets.back().values.resize(keep);
    }
    return facets;
}

}  // namespace dateline::searcher
