// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/write/document_builder.hpp"

#include <map>

#include "shared/analysis.hpp"
#include "shared/document_codec.hpp"
#include "shared/schema.hpp"
#include "shared/text.hpp"

namespace dateline::indexer {
namespace {

void add_filter_terms(Xapian::Document& document, const schema::Field& field,
                      const std::vector<std::string>& values) {
    for (const std::string& value : values)
        if (!value.empty()) document.add_boolean_term(schema::filter_term(field, value));
}

void add_free_text(const Article& article, Xapian::TermGenerator& generator) {
    std::string title = fold_for_search(article.title);
    generator.index_text(title, 1, std::string(schema::title.prefix));
    generator.increase_termpos(analysis::field_gap);
    generator.index_text(title, analysis::title_weight);
    // The gap keeps phrases from matching across title and body.
    generator.increase_termpos(analysis::field_gap);
    generator.index_text(fold_for_search(article.body));
}

// For a one-word person, the keys of the people of the article whose full
// name ends with it.
std::vector<std::string> full_names_ending(const Entity& entity, const std::vector<Entity>& entities) {
    std::vector<std::string> keys;
    if (entity.type != EntityType::person || entity.key.find(' ') != std::string::npos) return keys;
    for (const Entity& other : entities)
        if (other.type == EntityType::person && other.key != entity.key && last_word(other.key) == entity.key)
            keys.push_back(other.key);
    return keys;
}

// Terms for every entity, and each type's facet values in its slot.
void add_entities(Xapian::Document& document, const std::vector<Entity>& entities) {
    std::map<EntityType, std::string> values;  // each type's facet values, in one slot
    for (const Entity& entity : entities) {
        for (const std::string& term : schema::entity_terms(entity)) document.add_boolean_term(term);
        schema::append_value(values[entity.type], schema::entity_facet_value(entity, full_names_ending(entity, entities)));
    }
    for (const auto& [type, all] : values) document.add_value(schema::entity_field(type).slot, all);
}

}  // namespace

Xapian::Document build_document(const Article& article, Xapian::TermGenerator& generator,
                                const std::string& content_hash) {
    Xapian::Document document;
    generator.set_document(document);
    add_free_text(article, generator);

    add_filter_terms(document, schema::outlet, {article.outlet});
    add_filter_terms(document, schema::byline, article.byline);
    add_filter_terms(document, schema::url, {article.url});
    add_filter_terms(document, schema::site, {article.url});
    add_entities(document, article.entities);
    if (!article.outlet.empty()) document.add_value(schema::outlet.slot, article.outlet);
    std::string bylines;
    for (const std::string& name : article.byline) schema::append_value(bylines, name);
    if (!bylines.empty()) document.add_value(schema::byline.slot, bylines);
    if (article.date) {
        for (const std::string& term : schema::date_terms(*article.date))
            document.add_boolean_term(term);
        document.add_value(schema::date.slot, format_compact_date(*article.date));
    }

    if (!article.source.empty()) document.add_value(schema::source.slot, article.source);
    if (!content_hash.empty()) document.add_value(schema::content_hash.slot, content_hash);
    document.add_boolean_term(schema::id_term(schema::article_id(article)));
    document.set_data(encode_article(article));
    return document;
}

}  // namespace dateline::indexer
