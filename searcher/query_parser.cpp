// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/query_parser.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "searcher/entity_query.hpp"
#include "searcher/query_check.hpp"
#include "searcher/query_syntax.hpp"
#include "shared/analysis.hpp"
#include "shared/error.hpp"
#include "shared/schema.hpp"
#include "shared/text.hpp"

namespace dateline::searcher {
namespace {

// outlet:"The Harbour Courier" -> the term the indexer wrote for that value.
class ValueFilter : public Xapian::FieldProcessor {
public:
    explicit ValueFilter(const schema::Field& field) : field_(field) {}
    Xapian::Query operator()(const std::string& value) override {
        return Xapian::Query(schema::filter_term(field_, value));
    }

private:
    const schema::Field& field_;
};

// cluster:ID -> the articles whose slot holds that value.
class SlotFilter : public Xapian::FieldProcessor {
public:
    explicit SlotFilter(const schema::Field& field) : field_(field) {}
    Xapian::Query operator()(const std::string& value) override {
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, field_.slot, value, value);
    }

private:
    const schema::Field& field_;
};

// date:2024-02, date:2020-01..2020-02, date:7d.. -> date_range_query.
// An invalid date is recorded, not thrown: an exception thrown through Xapian's
// parser leaks its state (seen under LeakSanitizer), so parse_query throws
// once the parser has returned.
class DateFilter : public Xapian::FieldProcessor {
public:
    DateFilter(const Xapian::Database& db, Date today, std::string& invalid)
        : db_(db), today_(today), invalid_(invalid) {}
    Xapian::Query operator()(const std::string& value) override {
        if (auto query = date_range_query(value, db_, today_)) return *query;
        if (invalid_.empty()) invalid_ = value;
        return Xapian::Query::MatchNothing;
    }

private:
    const Xapian::Database& db_;
    Date today_;
    std::string& invalid_;
};

constexpr const char* date_hint =
    "write dates as YYYY, YYYY-MM, YYYY-MM-DD, today, yesterday or 7d (days, w, m, y ago); "
    "a range as FROM..TO, FROM.. or ..TO";

Xapian::Query filter_by_dates(Xapian::Query query, const QueryOptions& options, const Xapian::Database& db) {
    if (options.since.empty() && options.until.empty()) return query;
    std::string typed = options.since + ".." + options.until;
    auto range = date_range_query(typed, db, options.today);
    if (!range)
        throw Error(ErrorKind::usage, fmt::format("invalid --since/--until: {}", typed), date_hint);
    return Xapian::Query(Xapian::Query::OP_FILTER, query, *range);
}

void register_name(Xapian::QueryParser& parser, std::string_view name, const schema::Field& field,
                   const Xapian::Database& db, Date today, std::string& invalid_date, const EntityAliases& aliases) {
    if (name.empty()) return;
    if (field.has(schema::entity_filter) || field.has(schema::any_entity))
        parser.add_boolean_prefix(std::string(name), make_entity_filter(aliases, schema::entity_type_of(field))->release());
    if (field.has(schema::free_text)) parser.add_prefix(std::string(name), std::string(field.prefix));
    if (field.has(schema::value_filter))
        parser.add_boolean_prefix(std::string(name), (new ValueFilter(field))->release());
    if (field.has(schema::slot_filter))
        parser.add_boolean_prefix(std::string(name), (new SlotFilter(field))->release());
    if (field.has(schema::date_filter))
        parser.add_boolean_prefix(std::string(name), (new DateFilter(db, today, invalid_date))->release());
}

}  // namespace

std::optional<Xapian::Query> date_range_query(std::string_view typed, const Xapian::Database& db,
                                              Date today) {
    auto range = parse_date_range(typed, today);
    if (!range) return std::nullopt;
    // An open end stops at the oldest or newest dated article; an end typed
    // beyond them is brought in to the first or last whole year the index
    // holds, so date:0001..9999 costs a term per year held, not per year typed.
    auto oldest = parse_compact_date(db.get_value_lower_bound(schema::date.slot));
    auto newest = parse_compact_date(db.get_value_upper_bound(schema::date.slot));
    if ((!range->first && !oldest) || (!range->last && !newest)) return Xapian::Query::MatchNothing;
    Date first = range->first ? *range->first : *oldest;
    Date last = range->last ? *range->last : *newest;
    if (oldest) first = std::max(first, Date{oldest->year() / std::chrono::January / 1});
    if (newest) last = std::min(last, Date{newest->year() / std::chrono::December / 31});
    std::vector<std::string> terms = schema::date_range_terms(first, last);
    if (terms.empty()) return Xapian::Query::MatchNothing;
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Xapian::Query parse_query(std::string_view text, const Xapian::Database& db, const QueryOptions& options,
                          NameKeys* name_keys) {
    check_query_syntax(text);
    DatabaseAliases own_aliases;
    const EntityAliases& aliases = (options.aliases ? *options.aliases : own_aliases).of(db);
    Xapian::QueryParser parser;
    analysis::configure(parser);
    if (options.match_any) parser.set_default_op(Xapian::Query::OP_OR);
    parser.set_database(db);  // wildcards expand against the index's own terms
    std::string invalid_date;
    for (const schema::Field& field : schema::all_fields) {
        register_name(parser, field.name, field, db, options.today, invalid_date, aliases);
        register_name(parser, field.alias, field, db, options.today, invalid_date, aliases);
    }
    Xapian::Query query;
    const std::string folded = fold_query(text);
    try {
        query = parser.parse_query(folded, analysis::query_flags());
    } catch (const Xapian::QueryParserError& e) {
        throw Error(ErrorKind::usage, fmt::format("cannot parse query: {}", e.get_msg()),
                    "see dateline-search --help for the query syntax");
    }
    if (!invalid_date.empty()) {
        // Where it was typed: the field name before the first ":VALUE".
        std::size_t at = folded.find(":" + invalid_date);
        std::size_t start = at == std::string::npos ? 0 : at;
        while (start > 0 && std::isalpha(static_cast<unsigned char>(folded[start - 1]))) --start;
        std::string typed = at == std::string::npos ? "date:" + invalid_date : folded.substr(start, at + 1 + invalid_date.size() - start);
        throw Error(ErrorKind::usage, fmt::format("invalid date in query: {} at character {}", typed, start + 1), date_hint);
    }
    NameKeys keys;
    query = expand_name_variants(query, parser, db, keys);
    if (name_keys) *name_keys = std::move(keys);
    if (query.empty() && options.empty_matches_all) query = Xapian::Query::MatchAll;
    return filter_by_dates(query, options, db);
}

}  // namespace dateline::searcher
