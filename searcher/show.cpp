// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/show.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "shared/document_codec.hpp"
#include "shared/schema.hpp"
#include "shared/store.hpp"

namespace dateline::searcher {

bool looks_like_article_id(const std::string& text) {
    return text.size() == 16 && text.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos;
}

std::optional<Article> find_article(const std::vector<std::string>& databases, const std::string& id) {
    Xapian::Database db = store::open_for_search(databases);
    return store::with_database_errors(fmt::format("{}", fmt::join(databases, ", ")), [&]() -> std::optional<Article> {
        std::string term = schema::filter_term(schema::id, id);
        Xapian::PostingIterator posting = db.postlist_begin(term);
        if (posting == db.postlist_end(term)) return std::nullopt;
        return decode_article(db.get_document(*posting).get_data());
    });
}

}  // namespace dateline::searcher
