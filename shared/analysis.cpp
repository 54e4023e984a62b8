// SPDX-License-Identifier: GPL-2.0-or-later
#include "shared/analysis.hpp"

#include <charconv>
#include <vector>

#include <fmt/format.h>

#include "shared/error.hpp"
#include "shared/fast_bb2.hpp"

namespace dateline::analysis {
namespace {
constexpr const char* stemmer_language = "english";
}

Xapian::Stem make_stemmer() { return Xapian::Stem(stemmer_language); }

void configure(Xapian::TermGenerator& generator) {
    generator.set_stemmer(make_stemmer());
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
}

std::unique_ptr<Xapian::Weight> make_weighting(std::string_view scheme) {
    auto fail = [&](const std::string& why) -> std::unique_ptr<Xapian::Weight> {
        throw Error(ErrorKind::usage, fmt::format("cannot rank by weighting scheme \"{}\": {}", scheme, why),
                    "bb2[:c] (default bb2:1.5), bm25[:k1,b], dlh, dph, pl2[:c], inl2[:c], ifb2[:c], ineb2[:c], "
                    "tfidf or lm");
    };
    std::string_view name = scheme.substr(0, scheme.find(':'));
    std::vector<double> numbers;
    if (name.size() < scheme.size()) {
        std::string_view rest = scheme.substr(name.size() + 1);
        for (std::size_t start = 0; start <= rest.size();) {
            std::size_t end = std::min(rest.find(',', start), rest.size());
            std::string_view text = rest.substr(start, end - start);
            double value = 0;
            auto [at, error] = std::from_chars(text.data(), text.data() + text.size(), value);
            if (text.empty() || error != std::errc() || at != text.data() + text.size() || !(value >= 0))
                return fail(fmt::format("\"{}\" is not a number of 0 or more", text));
            numbers.push_back(value);
            start = end + 1;
        }
    }
    auto parameters = [&](std::size_t most, std::initializer_list<double> defaults) {
        if (numbers.size() > most) fail(fmt::format("{} takes at most {} parameter(s)", name, most));
        std::vector<double> all(defaults);
        for (std::size_t i = 0; i < numbers.size(); ++i) all[i] = numbers[i];
        return all;
    };
    auto c = [&] {
        double value = parameters(1, {1.0})[0];
        if (value <= 0) fail("c must be above 0");
        return value;
    };
    if (name == "bb2") return std::make_unique<FastBB2>(c());
    if (name == "bm25") {
        auto p = parameters(2, {1.2, 0.75});
        if (p[1] > 1) fail("b must be between 0 and 1");
        return std::make_unique<Xapian::BM25Weight>(p[0], 0, 1, p[1], 0.5);
    }
    if (name == "pl2") return std::make_unique<Xapian::PL2Weight>(c());
    if (name == "inl2") return std::make_unique<Xapian::InL2Weight>(c());
    if (name == "ifb2") return std::make_unique<Xapian::IfB2Weight>(c());
    if (name == "ineb2") return std::make_unique<Xapian::IneB2Weight>(c());
    if (name == "dlh" && parameters(0, {}).empty()) return std::make_unique<Xapian::DLHWeight>();
    if (name == "dph" && parameters(0, {}).empty()) return std::make_unique<Xapian::DPHWeight>();
    if (name == "tfidf" && parameters(0, {}).empty()) return std::make_unique<Xapian::TfIdfWeight>();
    if (name == "lm" && parameters(0, {}).empty()) return std::make_unique<Xapian::LMWeight>();
    return fail("no such scheme");
}

void configure(Xapian::Enquire& enquire, std::string_view weighting) {
    enquire.set_weighting_scheme(*make_weighting(weighting));
}

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
