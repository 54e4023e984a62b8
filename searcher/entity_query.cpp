// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/entity_query.hpp"

#include <optional>
#include <vector>

#include "searcher/query_rewrite.hpp"
#include "shared/analysis.hpp"
#include "shared/schema.hpp"
#include "shared/text.hpp"

namespace dateline::searcher {
namespace {

Xapian::Query term_query(std::string_view prefix, std::string_view key) {
    return Xapian::Query(std::string(prefix) + std::string(key));
}

Xapian::Query entity_query(const EntityAliases& aliases, EntityType type, const std::string& typed) {
    std::string name = type == EntityType::person ? aliases.strip_titles(typed) : typed;
    auto [resolved, key] = aliases.resolve(name, type);
    if (key.empty() || resolved != type) return Xapian::Query::MatchNothing;
    const schema::Field& field = schema::entity_field(type);
    Xapian::Query query = term_query(field.prefix, key);
    // A full name also finds the articles that give only the surname.
    if (type == EntityType::person && key.find(' ') != std::string::npos)
        query = Xapian::Query(Xapian::Query::OP_OR, query, term_query(schema::person_one_word.prefix, last_word(key)));
    return query;
}

class EntityFilter : public Xapian::FieldProcessor {
public:
    EntityFilter(const EntityAliases& aliases, std::optional<EntityType> type) : aliases_(aliases), type_(type) {}

    Xapian::Query operator()(const std::string& value) override {
        if (type_) return entity_query(aliases_, *type_, value);
        std::vector<Xapian::Query> any;
        for (EntityType type : {EntityType::person, EntityType::org, EntityType::place})
            any.push_back(entity_query(aliases_, type, value));
        return Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end());
    }

private:
    const EntityAliases& aliases_;
    std::optional<EntityType> type_;
};

class VariantExpander {
public:
    VariantExpander(const Xapian::QueryParser& parser, const Xapian::Database& db, NameKeys& keys)
        : parser_(parser), db_(db), keys_(keys) {}

    // The query with its name words expanded, or nullopt when nothing is.
    std::optional<Xapian::Query> expand(const Xapian::Query& query) {
        const auto op = query.get_type();
        if (op == Xapian::Query::LEAF_TERM) return expand_term(query);
        // Phrases and proximity need their words as they are; value ranges,
        // weights and wildcards cannot be rebuilt from outside: kept whole.
        switch (op) {
        case Xapian::Query::OP_AND: case Xapian::Query::OP_OR: case Xapian::Query::OP_AND_NOT:
        case Xapian::Query::OP_XOR: case Xapian::Query::OP_AND_MAYBE: case Xapian::Query::OP_FILTER:
        case Xapian::Query::OP_SYNONYM: case Xapian::Query::OP_MAX:
            break;
        default:
            return std::nullopt;
        }
        return rewrite_subqueries(query, [this](const Xapian::Query& part) { return expand(part); });
    }

private:
    std::optional<Xapian::Query> expand_term(const Xapian::Query& leaf) {
        std::string term = *leaf.get_terms_begin();
        if (!schema::is_free_text_term(term)) return std::nullopt;
        std::vector<std::string> words;
        for (auto it = parser_.unstem_begin(term); it != parser_.unstem_end(term); ++it) words.push_back(*it);
        if (words.empty()) words.push_back(term[0] == 'Z' ? term.substr(1) : term);
        // The other spellings the index holds for the word's key, searched
        // as the words they are, so each keeps its own statistics.
        std::vector<Xapian::Query> variants{leaf};
        std::set<std::string> seen{term};
        for (const std::string& word : words) {
            std::string key = variant_key(word, EntityType::person);
            if (key.empty() || !mostly_a_name(key, word)) continue;
            std::string prefix = schema::name_variant_term(key, "");
            for (auto it = db_.allterms_begin(prefix); it != db_.allterms_end(prefix); ++it) {
                std::string spelling = (*it).substr(prefix.size());
                std::string stemmed = term[0] == 'Z' ? "Z" + stemmer_(spelling) : spelling;
                if (!seen.insert(stemmed).second || !db_.term_exists(stemmed) || !mostly_a_name(key, spelling))
                    continue;
                variants.emplace_back(stemmed);
                // Only a key with another spelling is worth telling hits about.
                keys_[key].insert(fold_for_matching(word));
            }
        }
        if (variants.size() == 1) return std::nullopt;
        return Xapian::Query(Xapian::Query::OP_SYNONYM, variants.begin(), variants.end());
    }

    // A word is searched as a name only where it mostly is one: in at least
    // half the articles that have it, it is part of a recognised name. "Oil"
    // in "Oil India" must not make oil match Uhl.
    bool mostly_a_name(const std::string& key, const std::string& word) const {
        return db_.get_termfreq(schema::name_variant_term(key, word)) * 2 >= db_.get_termfreq(word);
    }

    const Xapian::QueryParser& parser_;
    const Xapian::Database& db_;
    NameKeys& keys_;
    Xapian::Stem stemmer_ = analysis::make_stemmer();
};

}  // namespace

const EntityAliases& DatabaseAliases::of(const Xapian::Database& db) {
    if (current_) return aliases_;
    current_ = true;
    std::string table = db.get_metadata(std::string(schema::aliases_metadata));
    std::string titles = db.get_metadata(std::string(schema::titles_metadata));
    std::string source = table + '\0' + titles;
    if (source != source_) {
        aliases_ = EntityAliases::parse(table, "the database's alias table");
        aliases_.set_titles(titles);
        source_ = std::move(source);
    }
    return aliases_;
}

Xapian::FieldProcessor* make_entity_filter(const EntityAliases& aliases, std::optional<EntityType> type) {
    return new EntityFilter(aliases, type);
}

Xapian::Query expand_name_variants(const Xapian::Query& query, const Xapian::QueryParser& parser,
                                   const Xapian::Database& db, NameKeys& keys) {
    return VariantExpander(parser, db, keys).expand(query).value_or(query);
}

}  // namespace dateline::searcher
