// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/facets.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>

#include "searcher/entity_facets.hpp"
#include "shared/dates.hpp"
#include "shared/schema.hpp"

namespace dateline::searcher {
namespace {

std::vector<const schema::Field*> facet_fields() {
    std::vector<const schema::Field*> fields;
    for (const schema::Field& field : schema::all_fields)
        if (field.has(schema::facet)) fields.push_back(&field);
    return fields;
}

// The keep values with the highest counts (all for 0), ties by value; only
// those kept become strings.
Facet by_count(std::string name, ValueList values, std::size_t keep) {
    std::size_t kept = keep == 0 ? values.size() : std::min(keep, values.size());
    std::partial_sort(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(kept), values.end(),
                      [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    Facet facet{std::move(name), {}, {}};
    for (std::size_t i = 0; i < kept; ++i) facet.values.push_back({std::string(values[i].first), values[i].second});
    return facet;
}

// The slot holds YYYYMMDD. Days are counted, then summed into the unit that
// fits the span of the matches: days up to two months, months up to five
// years, years beyond (or by day if by_day); one pass over the distinct
// days in calendar order (as the columns give them), one string a unit.
Facet by_date(const ValueList& days, bool by_day) {
    std::vector<std::pair<Date, unsigned>> counts;
    counts.reserve(days.size());
    for (const auto& [day, count] : days)
        if (auto date = parse_compact_date(day)) counts.emplace_back(*date, count);
    auto earlier = [](const auto& a, const auto& b) { return a.first < b.first; };
    if (!std::is_sorted(counts.begin(), counts.end(), earlier)) std::sort(counts.begin(), counts.end(), earlier);
    Facet facet{"date", {}, "day"};
    if (counts.empty()) return facet;
    auto span = std::chrono::sys_days(counts.back().first) - std::chrono::sys_days(counts.front().first);
    facet.granularity = by_day || span.count() <= 62 ? "day" : span.count() <= 5 * 366 ? "month" : "year";
    std::size_t length = facet.granularity == "day" ? 10 : facet.granularity == "month" ? 7 : 4;  // of YYYY-MM-DD
    auto unit_of = [&](const Date& date) {
        if (length == 10) return date;
        return Date{date.year(), length == 7 ? date.month() : std::chrono::January, std::chrono::day{1}};
    };
    std::optional<Date> unit;
    for (const auto& [date, count] : counts) {
        if (unit_of(date) == unit) {
            facet.values.back().count += count;
            continue;
        }
        unit = unit_of(date);
        facet.values.push_back({format_iso_date(*unit).substr(0, length), count});
    }
    return facet;
}

// A field's facet from its distinct values and their counts.
Facet make_facet(const schema::Field& field, const ValueList& values, const std::map<std::string, unsigned>& sizes,
                 bool by_day) {
    if (field.has(schema::date_filter)) return by_date(values, by_day);
    auto size = sizes.find(std::string(field.name));
    unsigned keep = size == sizes.end() ? SearchRequest::default_facet_size : size->second;
    Facet facet = schema::entity_type_of(field)
                      ? Facet{std::string(field.name), fold_entity_facet(values, *schema::entity_type_of(field), keep), {}}
                      : by_count(std::string(field.name), values, keep);
    if (keep > 0 && facet.values.size() > keep) facet.values.resize(keep);
    return facet;
}

// A field's facet from its column and the count of each ordinal: entity
// fields folded in numbers, the others as make_facet.
Facet make_column_facet(const schema::Field& field, const FacetColumns::Field& column,
                        std::span<const unsigned> counts, const std::map<std::string, unsigned>& sizes, bool by_day) {
    if (auto type = schema::entity_type_of(field); type && column.has_entities()) {
        auto size = sizes.find(std::string(field.name));
        unsigned keep = size == sizes.end() ? SearchRequest::default_facet_size : size->second;
        return {std::string(field.name), fold_entity_facet(column, counts, *type, keep), {}};
    }
    ValueList values;
    for (std::uint32_t o = 1; o < counts.size(); ++o)
        if (counts[o]) values.emplace_back(column.value(o), counts[o]);
    return make_facet(field, values, sizes, by_day);
}

// Counts every facet field of a match from the columns of its database.
// Xapian gives a spy the document's id in its own database, so the columns
// serve a search of one database (or of a part restricted to one).
class ColumnSpy : public Xapian::MatchSpy {
public:
    // fields: the schema's facet fields, the order counts() and values() use.
    ColumnSpy(std::shared_ptr<const FacetColumns> columns, const std::vector<const schema::Field*>& fields)
        : columns_(std::move(columns)), counts_(columns_->number_count(), 0) {
        for (const schema::Field* field : fields) {
            const auto& in_file = columns_->fields();
            auto found = std::find_if(in_file.begin(), in_file.end(),
                                      [&](const FacetColumns::Field& f) { return f.slot == field->slot; });
            schema_order_.push_back(found == in_file.end() ? nullptr : &*found);
        }
    }

    // The matches come one at a time, each row a cache miss (rows lie
    // anywhere in a file of tens of bytes a document): their ids are kept,
    // and count() reads the rows with the next ones fetched ahead, so that
    // the misses overlap instead of following each other.
    void operator()(const Xapian::Document& document, double) override { matched_.push_back(document.get_docid()); }
    void add(std::vector<Xapian::docid> ids) {
        if (matched_.empty()) matched_ = std::move(ids);
        else matched_.insert(matched_.end(), ids.begin(), ids.end());
    }

    // A row is one run of numbers, each counted where it points; every
    // offset and number is bounded (a damaged file must not make this read
    // or write out of bounds). Plain pointers: through row() and its checks
    // the loop took half as long again (1M synthetic, 60,000 rows).
    void count() {
        constexpr std::size_t offsets_ahead = 16, rows_ahead = 8;
        const std::uint32_t* offsets = columns_->row_offsets().data();
        const std::uint32_t* rows = columns_->rows().data();
        const std::size_t offset_count = columns_->row_offsets().size(), row_count = columns_->rows().size();
        const std::size_t size = counts_.size();
        unsigned* counts = counts_.data();
        const std::size_t n = matched_.size();
        for (std::size_t i = 0; i < n; ++i) {
            // A prefetch never faults: these need no bounds.
            if (i + offsets_ahead < n && matched_[i + offsets_ahead] < offset_count)
                __builtin_prefetch(offsets + matched_[i + offsets_ahead]);
            if (i + rows_ahead < n && matched_[i + rows_ahead] < offset_count)
                __builtin_prefetch(rows + offsets[matched_[i + rows_ahead]]);
            const Xapian::docid d = matched_[i];
            if (d + std::size_t{1} >= offset_count) continue;
            const std::uint32_t begin = offsets[d], end = offsets[d + 1];
            if (begin > end || end > row_count) continue;
            for (std::uint32_t k = begin; k < end; ++k)
                if (const std::uint32_t number = rows[k]; number < size) ++counts[number];
        }
        seen_ += n;
        matched_.clear();
    }

    // How many matches count() has counted.
    Xapian::doccount seen() const { return seen_; }

    const FacetColumns* columns() const { return columns_.get(); }
    // The count of each ordinal of the schema's facet field f (empty if the
    // columns have no such field).
    std::span<const unsigned> counts(std::size_t f) const {
        const FacetColumns::Field* field = schema_order_[f];
        if (!field) return {};
        return std::span<const unsigned>(counts_).subspan(field->first, field->value_count() + 1);
    }

    // The schema's facet field f's distinct values among the matches.
    ValueList values(std::size_t f) const {
        ValueList list;
        std::span<const unsigned> counted = counts(f);
        for (std::uint32_t o = 1; o < counted.size(); ++o)
            if (counted[o]) list.emplace_back(schema_order_[f]->value(o), counted[o]);
        return list;
    }

private:
    std::shared_ptr<const FacetColumns> columns_;
    std::vector<Xapian::docid> matched_;  // seen, not yet counted
    Xapian::doccount seen_ = 0;
    std::vector<unsigned> counts_;        // by number: every field's ordinals
    std::vector<const FacetColumns::Field*> schema_order_;  // by the schema's facet order
};

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
        ++total_;
    }

    const ValueCounts& counts() const { return counts_; }
    Xapian::doccount total() const { return total_; }

private:
    Xapian::valueno slot_;
    ValueCounts counts_;
    Xapian::doccount total_ = 0;
};

}  // namespace

struct FacetCounter::Columns {
    Columns(std::shared_ptr<const FacetColumns> columns, const std::vector<const schema::Field*>& fields)
        : spy(std::move(columns), fields) {}
    ColumnSpy spy;
};

// One facet field and its spy: Xapian's ValueCountMatchSpy, or for a
// multi-valued field on local databases a MultiValueCountSpy. On a remote
// database the ValueCountMatchSpy counts each article's whole set of values,
// and the sets are split here: as exact, but with one value a distinct set
// to send back instead of one a distinct value.
struct FacetCounter::Slots {
    struct Counted {
        const schema::Field& field;
        std::unique_ptr<Xapian::ValueCountMatchSpy> spy;  // spies are not copyable
        std::unique_ptr<MultiValueCountSpy> values;
        mutable ValueCounts counted;  // what value_lists() views

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
    std::vector<Counted> counted;
};

FacetCounter::FacetCounter(Xapian::Enquire& enquire, std::shared_ptr<const FacetColumns> columns, bool remote) {
    std::vector<const schema::Field*> fields = facet_fields();
    if (columns) {
        columns_ = std::make_unique<Columns>(std::move(columns), fields);
        enquire.add_matchspy(&columns_->spy);
        return;
    }
    slots_ = std::make_unique<Slots>();
    for (const schema::Field* field : fields) {
        Slots::Counted& counted = slots_->counted.emplace_back(Slots::Counted{*field, {}, {}, {}});
        if (field->has(schema::multi_value) && !remote) {
            counted.values = std::make_unique<MultiValueCountSpy>(field->slot);
            enquire.add_matchspy(counted.values.get());
        } else {
            counted.spy = std::make_unique<Xapian::ValueCountMatchSpy>(field->slot);
            enquire.add_matchspy(counted.spy.get());
        }
    }
}

FacetCounter::~FacetCounter() = default;

void FacetCounter::add_matches(std::vector<Xapian::docid> ids) {
    if (columns_) columns_->spy.add(std::move(ids));
}

void FacetCounter::finish() {
    if (columns_) columns_->spy.count();
}

std::vector<ValueList> FacetCounter::value_lists() const {
    std::vector<ValueList> lists;
    if (columns_) {
        for (std::size_t f = 0; f < facet_fields().size(); ++f) lists.push_back(columns_->spy.values(f));
        return lists;
    }
    for (const Slots::Counted& counted : slots_->counted) {
        const ValueCounts& counts = counted.counts();
        lists.emplace_back(counts.begin(), counts.end());
    }
    return lists;
}

Xapian::doccount FacetCounter::matches() const {
    if (columns_) return columns_->spy.seen();
    const Slots::Counted& first = slots_->counted.front();
    return first.values ? first.values->total() : first.spy->get_total();
}

const FacetColumns* FacetCounter::columns() const { return columns_ ? columns_->spy.columns() : nullptr; }

std::span<const unsigned> FacetCounter::column_counts(std::size_t field) const {
    return columns_ ? columns_->spy.counts(field) : std::span<const unsigned>();
}

// Counters of several databases summed in the union's ordinals, or nullopt
// when one of them did not count that database's columns.
std::optional<std::vector<Facet>> merge_through_union(const std::vector<const FacetCounter*>& counters,
                                                      const FacetColumnsUnion& together,
                                                      const std::vector<const schema::Field*>& fields,
                                                      const std::map<std::string, unsigned>& sizes, bool by_day,
                                                      const std::function<void(const schema::Field&, unsigned)>& add_later_copies) {
    std::vector<std::size_t> database_of;
    for (const FacetCounter* counter : counters) {
        const auto& databases = together.databases();
        auto found = std::find(databases.begin(), databases.end(), counter->columns());
        if (!counter->columns() || found == databases.end()) return std::nullopt;
        database_of.push_back(static_cast<std::size_t>(found - databases.begin()));
    }
    std::vector<Facet> facets;
    for (std::size_t schema_f = 0; schema_f < fields.size(); ++schema_f) {
        const schema::Field* field = fields[schema_f];
        const auto& in_union = together.fields();
        auto column = std::find_if(in_union.begin(), in_union.end(),
                                   [&](const FacetColumns::Field& f) { return f.slot == field->slot; });
        if (column == in_union.end()) {
            facets.push_back(make_facet(*field, {}, sizes, by_day));
            continue;
        }
        const std::size_t f = static_cast<std::size_t>(column - in_union.begin());
        std::vector<unsigned> summed(column->value_count() + 1, 0);
        for (std::size_t c = 0; c < counters.size(); ++c) {
            std::span<const unsigned> counts = counters[c]->column_counts(schema_f);
            std::span<const std::uint32_t> to_union = together.ordinals(database_of[c], f);
            for (std::size_t o = 1; o < counts.size() && o < to_union.size(); ++o)
                if (counts[o]) summed[to_union[o]] += counts[o];
        }
        for (unsigned count : summed) add_later_copies(*field, count);
        facets.push_back(make_column_facet(*field, *column, summed, sizes, by_day));
    }
    return facets;
}

std::vector<Facet> merge_facets(const std::vector<const FacetCounter*>& counters,
                                const std::map<std::string, unsigned>& sizes, bool by_day, unsigned* later_copies,
                                const FacetColumnsUnion* together) {
    std::vector<const schema::Field*> fields = facet_fields();
    // Every match of a group past its first, from the cluster field's
    // counts before they are cut to the facet's size.
    if (later_copies) *later_copies = 0;
    auto add_later_copies = [&](const schema::Field& field, unsigned count) {
        if (later_copies && field.slot == schema::cluster.slot && count > 1) *later_copies += count - 1;
    };
    // Parts of one database count into the same ordinals: summed as numbers,
    // then made into facets as one counter's would be.
    const FacetColumns* columns = counters.front()->columns();
    bool one_dictionary = columns && std::all_of(counters.begin(), counters.end(),
                                                 [&](const FacetCounter* c) { return c->columns() == columns; });
    if (one_dictionary) {
        std::vector<Facet> facets;
        for (std::size_t f = 0; f < fields.size(); ++f) {
            const FacetColumns::Field* column = nullptr;
            for (const FacetColumns::Field& in_file : columns->fields())
                if (in_file.slot == fields[f]->slot) column = &in_file;
            std::vector<unsigned> summed;
            for (const FacetCounter* counter : counters) {
                std::span<const unsigned> counts = counter->column_counts(f);
                if (summed.empty()) summed.assign(counts.begin(), counts.end());
                else for (std::size_t o = 0; o < summed.size() && o < counts.size(); ++o) summed[o] += counts[o];
            }
            for (unsigned count : summed) add_later_copies(*fields[f], count);
            facets.push_back(column ? make_column_facet(*fields[f], *column, summed, sizes, by_day)
                                    : make_facet(*fields[f], {}, sizes, by_day));
        }
        return facets;
    }
    if (together)
        if (auto facets = merge_through_union(counters, *together, fields, sizes, by_day, add_later_copies)) return *facets;
    std::vector<std::vector<ValueList>> parts;
    for (const FacetCounter* counter : counters) parts.push_back(counter->value_lists());
    std::vector<Facet> facets;
    for (std::size_t f = 0; f < fields.size(); ++f) {
        ValueList values;
        if (parts.size() == 1) {
            values = std::move(parts[0][f]);
        } else {
            std::map<std::string_view, unsigned> summed;
            for (const auto& part : parts)
                for (const auto& [value, count] : part[f]) summed[value] += count;
            values.assign(summed.begin(), summed.end());
        }
        for (const auto& value : values) add_later_copies(*fields[f], value.second);
        facets.push_back(make_facet(*fields[f], values, sizes, by_day));
    }
    return facets;
}

}  // namespace dateline::searcher
