// SPDX-License-Identifier: GPL-2.0-or-later
// Plain-text articles, one per file: the first non-blank line is the title and
// every further non-blank line is a paragraph of the body. Pure: text in,
// Article out (source, outlet, date and byline are left for the caller).
#pragma once

#include <string_view>

#include "shared/article.hpp"

namespace dateline::indexer {

// A UTF-8 byte-order mark and carriage returns are dropped; lines are trimmed.
// Text with no non-blank line gives an Article with empty title and body.
Article extract_plain_text(std::string_view text);

}  // namespace dateline::indexer
