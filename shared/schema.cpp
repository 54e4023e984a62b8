// SPDX-License-Identifier: GPL-2.0-or-later
#include "shared/schema.hpp"

#include <fmt/format.h>

#include "shared/stable_hash.hpp"
#include "shared/text.hpp"

namespace dateline::schema {
namespace {

// Xapian's glass backend rejects terms longer than 245 bytes.
constexpr std::size_t max_term_bytes = 245;

}  // namespace

std::string filter_term(const Field& field, std::string_view value) {
    std::string term(field.prefix);
    std::string folded = fold_for_matching(value);
    term += truncate_utf8(folded, max_term_bytes - term.size());
    return term;
}

std::array<std::string, 3> date_terms(const Date& date) {
    std::string compact = format_compact_date(date);
    return {std::string(schema::date.prefix) + compact,
            std::string(month.prefix) + compact.substr(0, 6),
            std::string(year.prefix) + compact.substr(0, 4)};
}

std::optional<std::string> date_filter_term(std::string_view typed) {
    // Complete a year or month to a real day so one parser validates all three.
    std::string as_day(typed);
    if (typed.size() == 4) as_day += "-01-01";
    else if (typed.size() == 7) as_day += "-01";
    auto day = parse_iso_date(as_day);
    if (!day) return std::nullopt;
    auto terms = date_terms(*day);
    if (typed.size() == 4) return terms[2];
    if (typed.size() == 7) return terms[1];
    return terms[0];
}

std::string article_id(const Article& article) {
    std::string key;
    if (!article.url.empty()) key = "url:" + article.url;
    else if (!article.record_id.empty()) key = "record:" + article.record_id;
    else key = "file:" + article.source;
    return fmt::format("{:016x}", StableHash().add(key).value());
}

std::string id_term(std::string_view article_id) {
    return std::string(id.prefix) + std::string(article_id);
}

std::string stored_article_id(const Xapian::Document& document) {
    Xapian::TermIterator term = document.termlist_begin();
    term.skip_to(std::string(id.prefix));
    if (term == document.termlist_end() || !(*term).starts_with(id.prefix)) return {};
    return (*term).substr(id.prefix.size());
}

}  // namespace dateline::schema
