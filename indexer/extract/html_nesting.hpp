// SPDX-License-Identifier: GPL-2.0-or-later
// A bound on how deep an HTML page nests, applied before gumbo parses it:
// gumbo's tree building looks through the open elements for each tag, so a
// page of 200,000 nested <div>s took over a minute and a half. Tags that
// would open an element deeper than the bound are dropped (with as many end
// tags after them), their text kept. Pure: bytes in, bytes out.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace dateline::indexer {

// Real pages nest a few dozen elements deep, a few hundred counting tags
// left unclosed; this is far beyond both.
inline constexpr std::size_t max_html_nesting = 2000;

struct FlattenedPage {
    std::string html;
    std::size_t dropped_tags = 0;  // start and end tags left out
};

// The page with its tags beyond max_depth left out, or nothing if it never
// nests that deep. Depth is counted as a tokenizer sees it: a start tag opens
// an element unless it is void (<br>, <img>, ...), self-closing inside <svg>
// or <math> ("<div/>" opens a div, as in HTML), or one that the next of its
// kind closes (<p>, <li>, <td>, <option>, ...); an end tag
// closes one; comments, doctypes and the text of <script>, <style>,
// <textarea> and <title> are passed over.
std::optional<FlattenedPage> limit_html_nesting(std::string_view html, std::size_t max_depth = max_html_nesting);

}  // namespace dateline::indexer
