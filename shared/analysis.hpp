// SPDX-License-Identifier: GPL-2.0-or-later
// Analysis settings: how text becomes terms at index time and how queries
// become terms at search time, configured here once so the two always agree.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <xapian.h>

namespace dateline::analysis {

// Title words are indexed twice: under the title prefix, and as free text with
// this extra within-document frequency so a headline match outranks a passing
// mention in the body.
inline constexpr Xapian::termcount title_weight = 3;

// Term positions skipped between title and body so that a phrase query never
// matches across the two fields.
inline constexpr Xapian::termcount field_gap = 100;

// How many terms one trailing wildcard may expand to (the most frequent win).
inline constexpr Xapian::termcount max_wildcard_expansion = 500;

// A word found in more than this share of the articles still has to match but
// adds nothing to the score while the query has rarer words: "u", "s", "new",
// "president" in a question typed as a sentence. Tuned with the weighting
// below on the TIME collection (scripts/eval-relevance.sh): anywhere from 0.2
// to 0.3 scores within 0.005 of the best.
inline constexpr double common_word_share = 0.25;

Xapian::Stem make_stemmer();

// The ranking: divergence from randomness, Bose-Einstein model with Bernoulli
// after-effect and term frequency normalisation 2 (BB2, c = 1.5). On TIME it
// ranks better than BM25 at any k1 and b (docs/benchmarks.md). Chosen on the
// TIME dev queries (0.783 nDCG@10 there); chosen instead by 5-fold
// cross-validation over them, with the common-word share below, rankings
// score 0.752 on the folds they did not see (scripts/eval-relevance.sh --cv 5).
inline constexpr std::string_view default_weighting = "bb2:1.5";

// A Xapian weighting scheme by name and parameters, as --weighting takes it:
// "bb2[:c]", "bm25[:k1,b]", "dlh", "dph", "pl2[:c]", "inl2[:c]", "ifb2[:c]",
// "ineb2[:c]", "tfidf", "lm". Throws Error (usage) naming what is wrong.
std::unique_ptr<Xapian::Weight> make_weighting(std::string_view scheme);

// Sets the weighting scheme (default_weighting unless another is given).
void configure(Xapian::Enquire& enquire, std::string_view weighting = default_weighting);

void configure(Xapian::TermGenerator& generator);

// Sets the stemmer and strategy, the default operator (AND: every word must
// match, as people expect of a search box) and the wildcard cap. Prefixes come
// from the schema and are registered by the searcher.
void configure(Xapian::QueryParser& parser);

// The flags every query is parsed with.
unsigned query_flags();

// A one-line description of the settings, stored in the database so a change
// can be detected ("english/some/folded": English stems of some terms, text
// folded by fold_for_search).
std::string describe();

}  // namespace dateline::analysis
