// SPDX-License-Identifier: GPL-2.0-or-later
// Query-biased snippets of an article's clean body, with the matched words
// located as byte ranges (never as markup mixed into the text).
#pragma once

#include <string>

#include <xapian.h>

#include "searcher/search_types.hpp"

namespace dateline::searcher {

// The passage of body that best matches the query behind mset, about length
// bytes long, "…" where text was cut. Plain text: no HTML escaping.
Snippet make_snippet(const Xapian::MSet& mset, const std::string& body, unsigned length);

}  // namespace dateline::searcher
