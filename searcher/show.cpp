// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/show.hpp"

namespace dateline::searcher {

bool looks_like_article_id(const std::string& text) {
    return text.size() == 16 && text.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos;
}

}  // namespace dateline::searcher
