// SPDX-License-Identifier: GPL-2.0-or-later
// dateline-search show ID: one stored article, whole.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "shared/article.hpp"

namespace dateline::searcher {

// True for what an article id looks like (16 hex digits).
bool looks_like_article_id(const std::string& text);

// The article with that id in any of databases, or nullopt. Throws Error
// (database).
std::optional<Article> find_article(const std::vector<std::string>& databases, const std::string& id);

}  // namespace dateline::searcher
