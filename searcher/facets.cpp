// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/facets.hpp"

#include <algorithm>
#include <map>

#include "shared/dates.hpp"
#include "shared/schema.hpp"

namespace dateline::searcher {

struct FacetCounter::Counted {
    explicit Counted(const schema::Field& counted_field) : field(counted_field), spy(field.slot) {}
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

}  // namespace

FacetCounter::FacetCounter(Xapian::Enquire& enquire) {
    for (const schema::Field& field : schema::all_fields) {
        if (!field.has(schema::facet)) continue;
        counted_.push_back(std::make_unique<Counted>(field));
        enquire.add_matchspy(&counted_.back()->spy);
    }
}

FacetCounter::~FacetCounter() = default;

std::vector<Facet> FacetCounter::facets() const {
    std::vector<Facet> facets;
    for (const auto& counted : counted_) {
        if (counted->field.has(schema::date_filter)) facets.push_back(by_month(counted->spy));
        else facets.push_back(by_count(std::string(counted->field.name), counted->spy));
    }
    return facets;
}

}  // namespace dateline::searcher
