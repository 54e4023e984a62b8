// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/common_words.hpp"

#include <optional>

#include "searcher/query_rewrite.hpp"
#include "shared/analysis.hpp"
#include "shared/schema.hpp"

namespace dateline::searcher {
namespace {

class CommonWords {
public:
    CommonWords(const Xapian::Database& db, double share) : db_(db), limit_(share * db.get_doccount()) {}

    // Free-text words under operators that add their parts' weights.
    std::optional<Xapian::Query> rewrite(const Xapian::Query& query) {
        const auto op = query.get_type();
        if (op == Xapian::Query::LEAF_TERM) {
            std::string term = *query.get_terms_begin();
            if (!schema::is_free_text_term(term)) return std::nullopt;
            if (db_.get_termfreq(term) <= limit_) {
                rare_ = true;
                return std::nullopt;
            }
            return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, 0.0);
        }
        switch (op) {
        case Xapian::Query::OP_AND: case Xapian::Query::OP_OR: case Xapian::Query::OP_AND_NOT:
        case Xapian::Query::OP_AND_MAYBE: case Xapian::Query::OP_FILTER:
            break;
        default:
            // Phrases, synonyms (names spelled several ways) and the rest
            // weigh as they are, and count as rare.
            if (op != Xapian::Query::LEAF_MATCH_ALL && op != Xapian::Query::LEAF_MATCH_NOTHING) rare_ = true;
            return std::nullopt;
        }
        return rewrite_subqueries(query, [this](const Xapian::Query& part) { return rewrite(part); });
    }

    bool saw_rare() const { return rare_; }

private:
    const Xapian::Database& db_;
    double limit_;
    bool rare_ = false;
};

}  // namespace

Xapian::Query weigh_common_words_zero(const Xapian::Query& query, const Xapian::Database& db, double share) {
    CommonWords common(db, share);
    std::optional<Xapian::Query> rewritten = common.rewrite(query);
    return rewritten && common.saw_rare() ? *rewritten : query;
}

}  // namespace dateline::searcher
