// SPDX-License-Identifier: GPL-2.0-or-later
// An Article as JSON, the one encoding of it: each field has one name and
// one form here, whether the article is stored in a Xapian document's data
// (encode_article, decode_article) or printed (extract, show --json, the
// hits of --json: put_article_fields, in each output's documented order).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "shared/article.hpp"

namespace dateline {

// The article's fields by their one name.
enum class ArticleField { source, title, outlet, date, byline, dateline, url, record_id, text, entities };

// Stored data keeps "" for what the input does not say; printed output says
// null (docs/output-format.md). Lists are never null; text is never null.
enum class Unknown { as_empty, as_null };

// A compact JSON object: the printed fields, less those the reader takes as
// "" when missing (dateline, url, record_id) and what it derives of each
// entity. Invalid UTF-8 in any field is replaced by U+FFFD, so what is stored
// can always be printed as JSON again.
std::string encode_article(const Article& article);

// Reads what encode_article wrote, packed by stored_data or not. Throws
// Error (database) when data is neither.
Article decode_article(std::string_view data);

// The same without the text and the entities (empty): the fields before
// them only, read without reading the rest, for a hit shown without a
// snippet.
Article decode_article_metadata(std::string_view data);

// Entities as printed: objects of name, type, mentions, forms and key, in
// that order. Stored data leaves out of each what the reader derives.
nlohmann::ordered_json entities_json(const std::vector<Entity>& entities);

// Sets fields of article on out, in the order given. Given an rvalue article,
// its strings are moved rather than copied (extract prints millions).
template <class A>
void put_article_fields(nlohmann::ordered_json& out, A&& article, std::initializer_list<ArticleField> fields,
                        Unknown unknown) {
    using json = nlohmann::ordered_json;
    auto text = [&](auto&& value) {
        return value.empty() && unknown == Unknown::as_null ? json(nullptr) : json(std::forward<decltype(value)>(value));
    };
    for (ArticleField field : fields) switch (field) {
        case ArticleField::source: out["source"] = text(std::forward<A>(article).source); break;
        case ArticleField::title: out["title"] = text(std::forward<A>(article).title); break;
        case ArticleField::outlet: out["outlet"] = text(std::forward<A>(article).outlet); break;
        case ArticleField::date:
            out["date"] = text(article.date ? format_iso_date(*article.date) : std::string());
            break;
        case ArticleField::byline: out["byline"] = std::forward<A>(article).byline; break;
        case ArticleField::dateline: out["dateline"] = text(std::forward<A>(article).dateline); break;
        case ArticleField::url: out["url"] = text(std::forward<A>(article).url); break;
        case ArticleField::record_id: out["record_id"] = text(std::forward<A>(article).record_id); break;
        case ArticleField::text: out["text"] = std::forward<A>(article).body; break;
        case ArticleField::entities: out["entities"] = entities_json(article.entities); break;
        }
}

}  // namespace dateline
