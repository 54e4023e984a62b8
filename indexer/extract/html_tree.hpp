// SPDX-License-Identifier: GPL-2.0-or-later
// Reading gumbo's tree of a page: an element's attributes and what its class
// and id say it is ("post-date", "comment-list", "sidebar"), its text, and a
// walk over every element. Both readers of a page use these. Pure.
//
// The walks keep their own stack: a page may nest elements deeper than the
// thread's stack would take by recursion (gumbo builds them all).
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>

#include <gumbo.h>

namespace dateline::indexer {

// The attribute's value, or null when the element has none.
const char* attribute(const GumboNode* node, const char* name);

// Whether node's class or id holds one of marks (lower case) anywhere, in
// any case: "entry-meta" holds "meta".
bool class_or_id_has(const GumboNode* node, std::span<const std::string_view> marks);

// Calls each for every element below root (root too, unless it is the
// document), in document order.
void for_each_element(const GumboNode* root, const std::function<void(const GumboNode*)>& each);

// The text of a node and its descendants (scripts and styles left out),
// white space runs as one space and two elements side by side as two words,
// appended to out; stops taking children once out holds more than limit bytes.
void append_text(const GumboNode* root, std::string& out, std::size_t limit = std::string::npos);

// The same, trimmed, as a string of its own.
std::string node_text(const GumboNode* node);

// The document's <body> (gumbo always makes one), or null.
const GumboNode* body_of(const GumboNode* document);

}  // namespace dateline::indexer
