// SPDX-License-Identifier: GPL-2.0-or-later
#include "shared/document_codec.hpp"

#include "shared/error.hpp"
#include "shared/stored_data.hpp"

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
        // What stored_entities leaves out, as it left it out.
        entity.key = object.contains("key") ? object["key"].get<std::string>() : variant_key(entity.name, entity.type);
        entity.mentions = object.value("mentions", 1);
        entity.forms = object.contains("forms") ? object["forms"].get<std::vector<std::string>>()
                                                : std::vector<std::string>{entity.name};
        entities.push_back(std::move(entity));
    }
    return entities;
}

// Entities as stored: as entities_json, less what the reader derives (a key
// that is the name's own variant_key, forms that are just the name, one
// mention), which is most of what an article's entities would otherwise
// add to its stored data.
json stored_entities(const std::vector<Entity>& entities) {
    json list = json::array();
    for (const Entity& entity : entities) {
        json object = {{"name", entity.name}, {"type", entity_type_name(entity.type)}};
        if (entity.mentions != 1) object["mentions"] = entity.mentions;
        if (entity.forms.size() != 1 || entity.forms[0] != entity.name) object["forms"] = entity.forms;
        if (entity.key != variant_key(entity.name, entity.type)) object["key"] = entity.key;
        list.push_back(std::move(object));
    }
    return list;
}

// Reads the fields encode_article writes before the text, and stops there.
class MetadataReader : public nlohmann::json_sax<json> {
public:
    explicit MetadataReader(Article& article) : article_(article) {}

    bool string(string_t& value) override {
        if (depth_ == 2 && key_ == "byline") article_.byline.push_back(std::move(value));
        if (depth_ != 1) return true;
        if (key_ == "title") article_.title = std::move(value);
        else if (key_ == "outlet") article_.outlet = std::move(value);
        else if (key_ == "date") article_.date = parse_iso_date(value);
        else if (key_ == "dateline") article_.dateline = std::move(value);
        else if (key_ == "url") article_.url = std::move(value);
        else if (key_ == "record_id") article_.record_id = std::move(value);
        else if (key_ == "source") article_.source = std::move(value);
        return true;
    }
    bool key(string_t& name) override {
        if (depth_ == 1 && (name == "text" || name == "body")) {
            done_ = true;
            return false;  // the rest is the text and the entities
        }
        if (depth_ == 1) key_ = std::move(name);
        return true;
    }
    bool start_object(std::size_t) override { return ++depth_, true; }
    bool end_object() override { return --depth_, true; }
    bool start_array(std::size_t) override { return ++depth_, true; }
    bool end_array() override { return --depth_, true; }
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

    bool done() const { return done_; }

private:
    Article& article_;
    int depth_ = 0;
    std::string key_;
    bool done_ = false;
};

}  // namespace

Article decode_article_metadata(std::string_view stored) {
    std::string buffer;
    std::string_view data = stored_data::unpack(stored, buffer);
    Article article;
    MetadataReader reader(article);
    json::sax_parse(data, &reader);
    if (!reader.done())
        throw Error(ErrorKind::database, "stored article data is not readable",
                    "the database may be damaged or from another program; rebuild it");
    return article;
}

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
    put_article_fields(object, article, {title, outlet, date, byline, dateline, url, record_id, source, text},
                       Unknown::as_empty);
    // Most inputs say none of these: the reader takes a missing one as "".
    for (const char* optional : {"dateline", "url", "record_id"})
        if (object[optional].get_ref<const std::string&>().empty()) object.erase(optional);
    object["entities"] = stored_entities(article.entities);
    return object.dump(-1, ' ', false, json::error_handler_t::replace);
}

Article decode_article(std::string_view stored) {
    std::string buffer;
    std::string_view data = stored_data::unpack(stored, buffer);
    try {
        json object = json::parse(data);
        Article article;
        article.title = object.at("title").get<std::string>();
        article.outlet = object.at("outlet").get<std::string>();
        article.date = parse_iso_date(object.at("date").get<std::string>());
        article.byline = object.at("byline").get<std::vector<std::string>>();
        article.dateline = object.value("dateline", "");
        article.url = object.value("url", "");
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
