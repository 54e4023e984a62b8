// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/query_parser.hpp"

#include <fmt/format.h>

#include "searcher/query_check.hpp"
#include "shared/analysis.hpp"
#include "shared/error.hpp"
#include "shared/schema.hpp"

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

// date:2024 / date:2024-02 / date:2024-02-03 -> the year, month or day term.
// An invalid date is recorded, not thrown: an exception thrown through Xapian's
// parser leaks its state (seen under LeakSanitizer), so parse_query throws
// once the parser has returned.
class DateFilter : public Xapian::FieldProcessor {
public:
    explicit DateFilter(std::string& invalid) : invalid_(invalid) {}
    Xapian::Query operator()(const std::string& value) override {
        if (auto term = schema::date_filter_term(value)) return Xapian::Query(*term);
        if (invalid_.empty()) invalid_ = value;
        return Xapian::Query::MatchNothing;
    }

private:
    std::string& invalid_;
};

void register_name(Xapian::QueryParser& parser, std::string_view name, const schema::Field& field,
                   std::string& invalid_date) {
    if (name.empty()) return;
    if (field.has(schema::free_text)) parser.add_prefix(std::string(name), std::string(field.prefix));
    if (field.has(schema::value_filter))
        parser.add_boolean_prefix(std::string(name), (new ValueFilter(field))->release());
    if (field.has(schema::date_filter))
        parser.add_boolean_prefix(std::string(name), (new DateFilter(invalid_date))->release());
}

}  // namespace

Xapian::Query parse_query(std::string_view text, const Xapian::Database& db) {
    check_query_syntax(text);
    Xapian::QueryParser parser;
    analysis::configure(parser);
    parser.set_database(db);  // wildcards expand against the index's own terms
    std::string invalid_date;
    for (const schema::Field& field : schema::all_fields) {
        register_name(parser, field.name, field, invalid_date);
        register_name(parser, field.alias, field, invalid_date);
    }
    Xapian::Query query;
    try {
        query = parser.parse_query(std::string(text), analysis::query_flags());
    } catch (const Xapian::QueryParserError& e) {
        throw Error(ErrorKind::usage, fmt::format("cannot parse query: {}", e.get_msg()),
                    "see dateline-search --help for the query syntax");
    }
    if (!invalid_date.empty())
        throw Error(ErrorKind::usage, fmt::format("invalid date in query: date:{}", invalid_date),
                    "write dates as YYYY, YYYY-MM or YYYY-MM-DD");
    return query;
}

}  // namespace dateline::searcher
