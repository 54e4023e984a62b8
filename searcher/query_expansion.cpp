// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/query_expansion.hpp"

#include <charconv>
#include <set>
#include <vector>

#include <fmt/format.h>

#include "shared/analysis.hpp"
#include "shared/error.hpp"
#include "shared/schema.hpp"

namespace dateline::searcher {
namespace {

// Stemmed free-text words the query does not have already.
class NewStemmedWords : public Xapian::ExpandDecider {
public:
    explicit NewStemmedWords(const Xapian::Query& query) : own_(query.get_terms_begin(), query.get_terms_end()) {}
    bool operator()(const std::string& term) const override {
        return term.size() > 1 && term[0] == 'Z' && schema::is_free_text_term(term) && !own_.contains(term);
    }

private:
    std::set<std::string> own_;
};

template <class T>
bool parse_number(std::string_view text, T& value) {
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size();
}

}  // namespace

Expansion parse_expansion(const std::string& typed) {
    Expansion expansion;
    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
        std::size_t colon = typed.find(':', start);
        parts.push_back(std::string_view(typed).substr(start, colon - start));
        if (colon == std::string::npos) break;
        start = colon + 1;
    }
    bool ok = parts.size() <= 3 && parse_number(parts[0], expansion.terms) &&
              (parts.size() < 2 || (parse_number(parts[1], expansion.documents) && expansion.documents > 0)) &&
              (parts.size() < 3 || (parse_number(parts[2], expansion.weight) && expansion.weight > 0));
    if (!ok || expansion.terms > 1000 || expansion.documents > 1000)
        throw Error(ErrorKind::usage, fmt::format("expansion '{}' is not TERMS[:DOCS[:WEIGHT]]", typed),
                    "such as 20 (20 words from the first 10 hits, at half weight) or 20:10:0.5");
    return expansion;
}

Xapian::Query expand_query(const Xapian::Query& query, const Xapian::Database& db, const Expansion& expansion,
                           const std::string& weighting) {
    if (expansion.terms == 0 || query.empty()) return query;
    Xapian::Enquire enquire(db);
    analysis::configure(enquire, weighting.empty() ? analysis::default_weighting : weighting);
    enquire.set_query(query);
    Xapian::MSet first = enquire.get_mset(0, expansion.documents);
    if (first.empty()) return query;
    Xapian::RSet relevant;
    for (auto it = first.begin(); it != first.end(); ++it) relevant.add_document(*it);
    NewStemmedWords decider(query);
    Xapian::ESet words = enquire.get_eset(expansion.terms, relevant, &decider);
    if (words.empty()) return query;
    const double best = words.begin().get_weight();
    std::vector<Xapian::Query> added;
    for (auto it = words.begin(); it != words.end(); ++it)
        added.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it), expansion.weight * it.get_weight() / best);
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, Xapian::Query(Xapian::Query::OP_OR, added.begin(), added.end()));
}

}  // namespace dateline::searcher
