// SPDX-License-Identifier: GPL-2.0-or-later
#include "shared/document_codec.hpp"

#include <nlohmann/json.hpp>

#include "shared/error.hpp"

namespace dateline {
namespace {

using nlohmann::json;

json encode_entities(const Entities& entities) {
    return {{"person", entities.people}, {"org", entities.organisations}, {"place", entities.places}};
}

Entities decode_entities(const json& object) {
    return {object.at("person").get<std::vector<std::string>>(),
            object.at("org").get<std::vector<std::string>>(),
            object.at("place").get<std::vector<std::string>>()};
}

}  // namespace

std::string encode_article(const Article& article) {
    json object = {
        {"title", article.title},
        {"outlet", article.outlet},
        {"date", article.date ? format_iso_date(*article.date) : std::string()},
        {"byline", article.byline},
        {"dateline", article.dateline},
        {"url", article.url},
        {"record_id", article.record_id},
        {"source", article.source},
        {"body", article.body},
        {"entities", encode_entities(article.entities)},
    };
    return object.dump(-1, ' ', false, json::error_handler_t::replace);
}

Article decode_article(std::string_view data) {
    try {
        json object = json::parse(data);
        Article article;
        article.title = object.at("title").get<std::string>();
        article.outlet = object.at("outlet").get<std::string>();
        article.date = parse_iso_date(object.at("date").get<std::string>());
        article.byline = object.at("byline").get<std::vector<std::string>>();
        article.dateline = object.at("dateline").get<std::string>();
        article.url = object.at("url").get<std::string>();
        article.record_id = object.value("record_id", "");
        article.source = object.at("source").get<std::string>();
        article.body = object.at("body").get<std::string>();
        article.entities = decode_entities(object.at("entities"));
        return article;
    } catch (const json::exception& e) {
        throw Error(ErrorKind::database,
                    std::string("stored article data is not readable: ") + e.what(),
                    "the database may be damaged or from another program; rebuild it");
    }
}

}  // namespace dateline
