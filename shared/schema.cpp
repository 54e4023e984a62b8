// SPDX-License-Identifier: GPL-2.0-or-later
#include "shared/schema.hpp"

#include <cctype>
#include <charconv>

#include <fmt/format.h>

#include "shared/stable_hash.hpp"
#include "shared/text.hpp"

namespace dateline::schema {
namespace {

// Xapian's glass backend rejects terms longer than 245 bytes.
constexpr std::size_t max_term_bytes = 245;

}  // namespace

std::string_view site_of(std::string_view url) {
    if (std::size_t scheme = url.find("://"); scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
    url = url.substr(0, url.find_first_of("/?#"));
    if (std::size_t at = url.rfind('@'); at != std::string_view::npos) url.remove_prefix(at + 1);
    url = url.substr(0, url.find(':'));
    if (url.size() > 4 && (url.starts_with("www.") || url.starts_with("WWW."))) url.remove_prefix(4);
    return url;
}

void append_value(std::string& joined, std::string_view value) {
    if (value.empty()) return;
    if (!joined.empty()) joined += values_separator;
    joined += value;
}

std::string filter_term(const Field& field, std::string_view value) {
    std::string term(field.prefix);
    std::string folded = fold_for_matching(field.prefix == site.prefix ? site_of(value) : value);
    term += truncate_utf8(folded, max_term_bytes - term.size());
    return term;
}

std::array<std::string, 3> date_terms(const Date& date) {
    std::string compact = format_compact_date(date);
    return {std::string(schema::date.prefix) + compact,
            std::string(month.prefix) + compact.substr(0, 6),
            std::string(year.prefix) + compact.substr(0, 4)};
}

std::vector<std::string> date_range_terms(const Date& first, const Date& last) {
    using namespace std::chrono;
    std::vector<std::string> terms;
    sys_days day{first};
    const sys_days end{last};
    while (day <= end) {
        Date date{day};
        Date year_end{date.year() / December / 31};
        Date month_end{date.year() / date.month() / std::chrono::last};
        auto terms_of_day = date_terms(date);
        if (date.month() == January && date.day() == std::chrono::day{1} && sys_days{year_end} <= end) {
            terms.push_back(terms_of_day[2]);
            day = sys_days{year_end} + days{1};
        } else if (date.day() == std::chrono::day{1} && sys_days{month_end} <= end) {
            terms.push_back(terms_of_day[1]);
            day = sys_days{month_end} + days{1};
        } else {
            terms.push_back(terms_of_day[0]);
            day += days{1};
        }
    }
    return terms;
}

namespace {

std::string prefixed(std::string_view prefix, std::string_view key) {
    std::string term(prefix);
    term += truncate_utf8(key, max_term_bytes - term.size());
    return term;
}

}  // namespace

std::vector<std::string> entity_terms(const Entity& entity) {
    std::vector<std::string> terms;
    const Field& field = entity_field(entity.type);
    if (entity.key.empty()) return terms;
    terms.push_back(prefixed(field.prefix, entity.key));
    if (entity.type == EntityType::person) {
        std::string_view last = last_word(entity.key);
        if (last.size() == entity.key.size()) terms.push_back(prefixed(person_one_word.prefix, entity.key));
        else terms.push_back(prefixed(field.prefix, last));
    }
    for (const std::string& form : entity.forms) {
        std::string folded = fold_for_matching(form);
        for (std::size_t start = 0; start < folded.size();) {
            std::size_t end = std::min(folded.find(' ', start), folded.size());
            std::string word = folded.substr(start, end - start);
            start = end + 1;
            std::string key = variant_key(word, EntityType::person);
            if (!key.empty() && key.find(' ') == std::string::npos) terms.push_back(name_variant_term(key, word));
        }
    }
    return terms;
}

bool is_free_text_term(std::string_view term) {
    std::size_t start = term.starts_with('Z') ? 1 : 0;
    return start < term.size() && !std::isupper(static_cast<unsigned char>(term[start]));
}

std::string name_variant_term(std::string_view key, std::string_view word) {
    return prefixed(name_variant.prefix, std::string(key) + ':' + std::string(word));
}

std::string entity_facet_value(const Entity& entity, const std::vector<std::string>& full_names) {
    std::string value = entity.key == variant_key(entity.name, entity.type) ? std::string() : entity.key;
    for (const std::string& full : full_names) value += '\x1f' + full;
    return value + '\t' + entity.name;
}

EntityFacetValue parse_entity_facet_value(std::string_view value, EntityType type) {
    EntityFacetValue parsed;
    std::size_t tab = value.find('\t');
    parsed.name = tab == std::string_view::npos ? value : value.substr(tab + 1);
    std::string_view keys = value.substr(0, tab);
    std::size_t start = 0;
    for (bool first = true; start <= keys.size(); first = false) {
        std::size_t end = std::min(keys.find('\x1f', start), keys.size());
        if (first) parsed.key = keys.substr(start, end - start);
        else parsed.full_names.emplace_back(keys.substr(start, end - start));
        start = end + 1;
    }
    if (parsed.key.empty()) parsed.key = variant_key(parsed.name, type);
    return parsed;
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

std::string content_hash_value(std::uint64_t hash) {
    std::string value(8, '\0');
    for (int i = 7; i >= 0; --i, hash >>= 8) value[static_cast<std::size_t>(i)] = static_cast<char>(hash & 0xff);
    return value;
}

std::string also_from_value(const std::vector<RecordSource>& sources) {
    std::string value;
    for (const RecordSource& source : sources) {
        value += source.key;
        value += '\0';
        value += content_hash_value(source.content_hash);
    }
    return value;
}

std::vector<RecordSource> parse_also_from(std::string_view value) {
    std::vector<RecordSource> sources;
    while (!value.empty()) {
        std::size_t nul = value.find('\0');
        if (nul == std::string_view::npos || value.size() < nul + 9) break;
        sources.push_back({std::string(value.substr(0, nul)), parse_content_hash(value.substr(nul + 1, 8))});
        value.remove_prefix(nul + 9);
    }
    return sources;
}

std::string added_value(std::uint64_t sequence) { return Xapian::sortable_serialise(static_cast<double>(sequence)); }

std::uint64_t added_of(const Xapian::Document& document) {
    std::string value = document.get_value(added.slot);
    if (value.empty()) return 0;
    double sequence = Xapian::sortable_unserialise(value);
    return sequence > 0 ? static_cast<std::uint64_t>(sequence) : 0;
}

std::uint64_t commit_sequence(const Xapian::Database& db) {
    std::string text = db.get_metadata(std::string(commit_sequence_metadata));
    std::uint64_t sequence = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), sequence);
    return error == std::errc() && end == text.data() + text.size() ? sequence : 0;
}

std::uint64_t parse_content_hash(std::string_view value) {
    std::uint64_t hash = 0;
    if (value.size() == 8) {
        for (unsigned char byte : value) hash = hash << 8 | byte;
        return hash;
    }
    auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), hash, 16);
    return value.size() == 16 && error == std::errc() && end == value.data() + value.size() ? hash : 0;
}

std::string stored_article_id(const Xapian::Document& document) {
    Xapian::TermIterator term = document.termlist_begin();
    term.skip_to(std::string(id.prefix));
    if (term == document.termlist_end() || !(*term).starts_with(id.prefix)) return {};
    return (*term).substr(id.prefix.size());
}

std::string stored_article_id(const Article& article, const Xapian::Document& document) {
    constexpr std::string_view replaced = "\xEF\xBF\xBD";
    for (const std::string* field : {&article.url, &article.record_id, &article.source})
        if (field->find(replaced) != std::string::npos) return stored_article_id(document);
    return article_id(article);
}

}  // namespace dateline::schema
