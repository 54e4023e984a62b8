// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/facets.hpp"

#include <algorithm>
#include <map>

#include "searcher/entity_facets.hpp"
#include "shared/dates.hpp"
#include "shared/schema.hpp"

namespace dateline::searcher {
namespace {

// Adds count for each value of a multi_value slot's value.
void count_each(std::string_view values, unsigned count, ValueCounts& counts) {
    schema::for_each_value(values, [&](std::string_view value) {
        auto found = counts.find(value);
        if (found == counts.end()) counts.emplace(value, count);
        else found->second += count;
    });
}

// Counts each value of an entity slot as it sees a match. Local databases
// only: xapian-tcpsrv runs nothing but Xapian's own spies.
class MultiValueCountSpy : public Xapian::MatchSpy {
public:
    explicit MultiValueCountSpy(Xapian::valueno slot) : slot_(slot) {}

    void operator()(const Xapian::Document& document, double) override {
        count_each(document.get_value(slot_), 1, counts_);
    }

    const ValueCounts& counts() const { return counts_; }

private:
    Xapian::valueno slot_;
    ValueCounts counts_;
};

// By count, highest first, ties by value.
Facet by_count(std::string name, const ValueCounts& counts) {
    Facet facet{std::move(name), {}, {}};
    for (const auto& [value, count] : counts) facet.values.push_back({value, count});
    std::sort(facet.values.begin(), facet.values.end(), [](const FacetValue& a, const FacetValue& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    return facet;
}

// The slot holds YYYYMMDD. Days are counted, then summed into the unit that
// fits the span of the matches: days up to two months, months up to five
// years, years beyond; one pass over the distinct days, not over the matches.
Facet by_date(const ValueCounts& days) {
    std::map<Date, unsigned> counts;
    for (const auto& [day, count] : days)
        if (auto date = parse_compact_date(day)) counts[*date] += count;
    Facet facet{"date", {}, "day"};
    if (counts.empty()) return facet;
    auto span = std::chrono::sys_days(counts.rbegin()->first) - std::chrono::sys_days(counts.begin()->first);
    facet.granularity = span.count() <= 62 ? "day" : span.count() <= 5 * 366 ? "month" : "year";
    std::size_t length = facet.granularity == "day" ? 10 : facet.granularity == "month" ? 7 : 4;  // of YYYY-MM-DD
    std::map<std::string, unsigned> summed;
    for (const auto& [date, count] : counts) summed[format_iso_date(date).substr(0, length)] += count;
    for (const auto& [value, count] : summed) facet.values.push_back({value, count});
    return facet;
}

}  // namespace

// One facet field and its spy: Xapian's ValueCountMatchSpy, or for an entity
// field on local databases a MultiValueCountSpy. On a remote database the
// ValueCountMatchSpy counts each article's whole set of entities, and the
// sets are split into entities here: as exact, but with one value a distinct
// set to send back instead of one a distinct entity.
struct FacetCounter::Counted {
    const schema::Field& field;
    std::unique_ptr<Xapian::ValueCountMatchSpy> spy;  // spies are not copyable
    std::unique_ptr<MultiValueCountSpy> values;
    mutable ValueCounts counted;

    const ValueCounts& counts() const {
        if (values) return values->counts();
        counted.clear();
        bool split = field.has(schema::multi_value);
        for (auto it = spy->values_begin(); it != spy->values_end(); ++it) {
            if (split) count_each(*it, it.get_termfreq(), counted);
            else counted.emplace(*it, it.get_termfreq());
        }
        return counted;
    }
};

FacetCounter::FacetCounter(Xapian::Enquire& enquire, bool remote) {
    for (const schema::Field& field : schema::all_fields) {
        if (!field.has(schema::facet)) continue;
        auto counted = std::make_unique<Counted>(Counted{field, {}, {}, {}});
        if (field.has(schema::multi_value) && !remote) {
            counted->values = std::make_unique<MultiValueCountSpy>(field.slot);
            enquire.add_matchspy(counted->values.get());
        } else {
            counted->spy = std::make_unique<Xapian::ValueCountMatchSpy>(field.slot);
            enquire.add_matchspy(counted->spy.get());
        }
        counted_.push_back(std::move(counted));
    }
}

FacetCounter::~FacetCounter() = default;

std::vector<Facet> FacetCounter::facets(const std::map<std::string, unsigned>& sizes) const {
    std::vector<Facet> facets;
    for (const auto& counted : counted_) {
        const schema::Field& field = counted->field;
        if (field.has(schema::date_filter)) {
            facets.push_back(by_date(counted->counts()));
            continue;
        }
        auto size = sizes.find(std::string(field.name));
        unsigned keep = size == sizes.end() ? SearchRequest::default_facet_size : size->second;
        if (auto type = schema::entity_type_of(field))
            facets.push_back({std::string(field.name), fold_entity_facet(counted->counts(), *type, keep), {}});
        else
            facets.push_back(by_count(std::string(field.name), counted->counts()));
        if (keep > 0 && facets.back().values.size() > keep) facets.back().values.resize(keep);
    }
    return facets;
}

}  // namespace dateline::searcher
