// SPDX-License-Identifier: GPL-2.0-or-later
// The stored-document codec: how an Article is kept in a Xapian document's data
// and read back. Both directions live here and nowhere else.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "shared/article.hpp"

namespace dateline {

// A compact JSON object. Invalid UTF-8 in any field is replaced by U+FFFD, so
// what is stored can always be printed as JSON again.
std::string encode_article(const Article& article);

// Throws Error (database) when data is not something encode_article wrote.
Article decode_article(std::string_view data);

// Entities as stored and as printed (extract, show --json): objects of name,
// type, mentions, forms and key, in that order.
nlohmann::ordered_json entities_json(const std::vector<Entity>& entities);

}  // namespace dateline
