// SPDX-License-Identifier: GPL-2.0-or-later
#include "shared/document_codec.hpp"

#include "shared/error.hpp"

namespace dateline {
namespace {

using json = nlohmann::ordered_json;

std::vector<Entity> decode_entities(const json& list) {
    std::vector<Entity> entities;
    for (const json& object : list) {
        Entity entity;
        auto type = parse_entity_type(object.at("type").get<std::string>());
        if (!type) throw Error(ErrorKind::database, "stored article data names an unknown entity type");
        entity.type = *type;
        entity.name = object.at("name").get<std::string>();
        entity.key = object.at("key").get<std::string>();
        entity.mentions = object.at("mentions").get<int>();
        entity.forms = object.at("forms").get<std::vector<std::string>>();
        entities.push_back(std::move(entity));
    }
    return entities;
}

}  // namespace

json entities_json(const std::vector<Entity>& entities) {
    json list = json::array();
    for (const Entity& entity : entities)
        list.push_back({{"name", entity.name}, {"type", entity_type_name(entity.type)}, {"mentions", entity.mentions},
                        {"forms", entity.forms}, {"key", entity.key}});
    return list;
}

std::string encode_article(const Article& article) {
    json object = json::object();
    using enum ArticleField;
    put_article_fields(object, article, {title, outlet, date, byline, dateline, url, record_id, source, text, entities},
                       Unknown::as_empty);
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
        // Databases written before the codec was one kept the text as "body".
        article.body = object.contains("text") ? object["text"].get<std::string>() : object.at("body").get<std::string>();
        article.entities = decode_entities(object.at("entities"));
        return article;
    } catch (const json::exception& e) {
        throw Error(ErrorKind::database,
                    std::string("stored article data is not readable: ") + e.what(),
                    "the database may be damaged or from another program; rebuild it");
    }
}

}  // namespace dateline
