// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/document_builder.hpp"

#include "shared/analysis.hpp"
#include "shared/document_codec.hpp"
#include "shared/schema.hpp"

namespace dateline::indexer {
namespace {

void add_filter_terms(Xapian::Document& document, const schema::Field& field,
                      const std::vector<std::string>& values) {
    for (const std::string& value : values)
        if (!value.empty()) document.add_boolean_term(schema::filter_term(field, value));
}

void add_free_text(const Article& article, Xapian::TermGenerator& generator) {
    generator.index_text(article.title, 1, std::string(schema::title.prefix));
    generator.increase_termpos(analysis::field_gap);
    generator.index_text(article.title, analysis::title_weight);
    // The gap keeps phrases from matching across title and body.
    generator.increase_termpos(analysis::field_gap);
    generator.index_text(article.body);
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
    add_filter_terms(document, schema::person, article.entities.people);
    add_filter_terms(document, schema::org, article.entities.organisations);
    add_filter_terms(document, schema::place, article.entities.places);
    if (!article.outlet.empty()) document.add_value(schema::outlet.slot, article.outlet);
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
