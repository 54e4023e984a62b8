// SPDX-License-Identifier: GPL-2.0-or-later
#include "shared/analysis.hpp"

namespace dateline::analysis {
namespace {
constexpr const char* stemmer_language = "english";
}

Xapian::Stem make_stemmer() { return Xapian::Stem(stemmer_language); }

void configure(Xapian::TermGenerator& generator) {
    generator.set_stemmer(make_stemmer());
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
}

void configure(Xapian::Enquire& enquire) { enquire.set_weighting_scheme(Xapian::BB2Weight(1.5)); }

void configure(Xapian::QueryParser& parser) {
    parser.set_stemmer(make_stemmer());
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_default_op(Xapian::Query::OP_AND);
    // A short trailing wildcard (a*) could expand to most of the vocabulary;
    // keep the most frequent expansions rather than failing the query.
    parser.set_max_expansion(max_wildcard_expansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
}

unsigned query_flags() {
    // Operators stay upper-case only (AND, OR, NOT): "war and peace" is three words.
    return Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
           Xapian::QueryParser::FLAG_PURE_NOT;
}

std::string describe() { return std::string(stemmer_language) + "/some/folded"; }

}  // namespace dateline::analysis
