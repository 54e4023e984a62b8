// SPDX-License-Identifier: GPL-2.0-or-later
// dateline-search show ID: what an article id looks like (the article is
// found by Searcher::find_article).
#pragma once

#include <string>

namespace dateline::searcher {

// True for what an article id looks like (16 hex digits).
bool looks_like_article_id(const std::string& text);

}  // namespace dateline::searcher
