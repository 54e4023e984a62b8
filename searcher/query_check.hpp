// SPDX-License-Identifier: GPL-2.0-or-later
// The mistakes Xapian's QueryParser would quietly repair into a different
// query: an unbalanced quote or parenthesis, an unknown field, a query too
// long to be meant. Caught before parsing, with where they are.
#pragma once

#include <cstddef>
#include <string_view>

namespace dateline::searcher {

inline constexpr std::size_t max_query_bytes = 4096;
// The largest N of NEAR/N and ADJ/N.
inline constexpr unsigned max_operator_distance = 1000;
// Wildcards in one query: each stands for up to max_wildcard_expansion
// words, so this bounds the words a query can expand to (2,000), and with
// them its time: 50 ANDed wildcards took 5 s on Reuters.
inline constexpr unsigned max_wildcards = 4;

// Throws Error (usage) naming the problem and its character position.
void check_query_syntax(std::string_view text);

}  // namespace dateline::searcher
