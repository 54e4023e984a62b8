// SPDX-License-Identifier: GPL-2.0-or-later
// Mentions: the recogniser's spans in raw text, cleaned into names. Titles
// and ranks ("President", "Brig. Gen.", "Ayatollah") are cut from the front
// of a person's name, a possessive from its end, and spans that cannot be
// names of their type are dropped (a weekday or month as anything, an
// outlet, country or city as a person).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "indexer/entities/recogniser.hpp"
#include "shared/entity_key.hpp"

namespace dateline::indexer {

struct Mention {
    EntityType type;
    std::string text;        // as written, titles removed
    std::size_t words = 0;   // how many words it has
    std::size_t position = 0;  // order of appearance in the text
    bool in_title = false;
};

// Mentions in text, whose first title_bytes bytes are the headline.
std::vector<Mention> find_mentions(const Recogniser& recogniser, std::string_view text, std::size_t title_bytes = 0);

}  // namespace dateline::indexer
