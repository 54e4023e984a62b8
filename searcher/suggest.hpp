// SPDX-License-Identifier: GPL-2.0-or-later
// "Did you mean": respellings of a query from the index's own vocabulary.
#pragma once

#include <optional>
#include <string>

#include <xapian.h>

namespace dateline::searcher {

// The query as typed with each plain word the index does not hold replaced by
// the closest word it does (at most one edit for words of up to four letters,
// two beyond; of those the closest, then the most common, then the first
// alphabetically), or nullopt when every word is held or none has a close
// match. Field values (outlet:...), operators and wildcards are left alone.
std::optional<std::string> suggest_query(const std::string& typed, const Xapian::Database& db);

// Edits (insertions, deletions, substitutions, swaps of neighbours) between
// two byte strings, or limit + 1 when more than limit.
unsigned edit_distance(std::string_view a, std::string_view b, unsigned limit);

}  // namespace dateline::searcher
