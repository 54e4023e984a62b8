// SPDX-License-Identifier: GPL-2.0-or-later
// What an element's class and id say it is: "post-date", "comment-list",
// "sidebar". Both readers of a page ask this of every element. Pure.
#pragma once

#include <span>
#include <string_view>

#include <gumbo.h>

namespace dateline::indexer {

// Whether node's class or id holds one of marks (lower case) anywhere, in
// any case: "entry-meta" holds "meta".
bool class_or_id_has(const GumboNode* node, std::span<const std::string_view> marks);

}  // namespace dateline::indexer
