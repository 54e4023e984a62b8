// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/json_printer.hpp"

#include <nlohmann/json.hpp>

#include "shared/dates.hpp"
#include "shared/document_codec.hpp"
#include "shared/text.hpp"

namespace dateline::searcher {
namespace {

using json = nlohmann::ordered_json;

// Highlights as [start, end) offsets in Unicode code points, which is what
// most JSON consumers index strings by.
json highlights(const Snippet& snippet) {
    json spans = json::array();
    for (auto [start, end] : snippet.highlights)
        spans.push_back({count_code_points(snippet.text, start), count_code_points(snippet.text, end)});
    return spans;
}

}  // namespace

namespace {

// The metadata every article object carries, in the documented order and
// with the documented nulls, after the keys given in head.
json with_metadata(json head, const Article& article) {
    using enum ArticleField;
    put_article_fields(head, article, {title, outlet, date, byline, url, source}, Unknown::as_null);
    return head;
}

}  // namespace

json hit_json(const Hit& hit) {
    json object = with_metadata({{"rank", hit.rank}, {"id", hit.id}, {"score", hit.score}}, hit.article);
    object["snippet"] = hit.snippet.text;
    object["highlights"] = highlights(hit.snippet);
    object["spellings"] = hit.spellings;
    object["cluster"] = hit.cluster.empty() ? json(nullptr) : json(hit.cluster);
    json copies = nullptr;
    if (hit.copies) {
        const Copy& first = hit.copies->earliest;
        auto or_null = [](const std::string& text) { return text.empty() ? json(nullptr) : json(text); };
        copies = {{"others", hit.copies->others},
                  {"outlets", hit.copies->outlets},
                  {"earliest", {{"id", first.id}, {"outlet", or_null(first.outlet)}, {"date", or_null(first.date)}}}};
    }
    object["copies"] = std::move(copies);
    return object;
}

json result_json(const SearchResult& result) {
    json hits = json::array();
    for (const Hit& hit : result.hits) hits.push_back(hit_json(hit));
    json facets = json::object();
    json granularity = nullptr;
    for (const Facet& facet : result.facets) {
        json values = json::array();
        for (const FacetValue& value : facet.values) values.push_back({{"value", value.value}, {"count", value.count}});
        facets[facet.name] = std::move(values);
        if (!facet.granularity.empty()) granularity = facet.granularity;
    }
    json object = {
        {"version", json_version},
        {"query", result.query},
        {"total", result.total},
        {"stories", result.stories ? json(*result.stories) : json(nullptr)},
        {"counts_exact", result.counts_exact},
        {"hits", std::move(hits)},
        {"facets", std::move(facets)},
        {"date_granularity", std::move(granularity)},
        {"did_you_mean", result.did_you_mean ? json(*result.did_you_mean) : json(nullptr)},
        {"manifest", manifest_json(result.manifest)},
    };
    // Only on an answer that left a database out (--allow-partial).
    if (!result.missing.empty()) {
        object["partial"] = true;
        object["missing"] = result.missing;
    }
    return object;
}

json manifest_json(const Manifest& manifest) {
    auto or_null = [](const auto& value) { return value ? json(*value) : json(nullptr); };
    auto text_or_null = [](const std::string& value) { return value.empty() ? json(nullptr) : json(value); };
    json databases = json::array();
    for (const DatabaseState& db : manifest.databases)
        databases.push_back({{"path", db.path},
                             {"uuid", db.uuid},
                             {"revision", or_null(db.revision)},
                             {"generation", or_null(db.generation)},
                             {"documents", db.documents}});
    std::string_view sort = manifest.sort == SortOrder::relevance ? "relevance"
                            : manifest.sort == SortOrder::oldest_first ? "date"
                                                                      : "-date";
    return {{"dateline", manifest.dateline_version},
            {"xapian", manifest.xapian_version},
            {"databases", std::move(databases)},
            {"parsed_query", manifest.parsed_query},
            {"weighting", manifest.weighting},
            {"options",
             {{"since", text_or_null(manifest.since)},
              {"until", text_or_null(manifest.until)},
              {"any", manifest.match_any},
              {"sort", sort},
              {"recent", manifest.recent},
              {"collapse", manifest.collapse},
              {"common_share", manifest.common_share},
              {"facets", manifest.facets},
              {"offset", manifest.offset},
              {"limit", manifest.limit},
              {"snippet_length", manifest.snippet_length}}},
            {"counts_exact", manifest.counts_exact}};
}

json error_json(const Error& error) {
    std::string_view kind = error.kind() == ErrorKind::usage ? "usage" : "database";
    return {{"kind", kind}, {"message", error.what()}, {"hint", error.hint()}};
}

json article_json(const std::string& id, const Article& article) {
    json object = with_metadata({{"version", json_version}, {"id", id}}, article);
    using enum ArticleField;
    put_article_fields(object, article, {dateline, text, entities}, Unknown::as_null);
    return object;
}

void print_json_line(std::ostream& out, const json& object) {
    out << object.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
}

void print_json(std::ostream& out, const SearchResult& result) { print_json_line(out, result_json(result)); }

void print_jsonl(std::ostream& out, const SearchResult& result) {
    for (const Hit& hit : result.hits) print_json_line(out, hit_json(hit));
}

}  // namespace dateline::searcher
