// SPDX-License-Identifier: GPL-2.0-or-later
// Article: one news article as Dateline understands it, after extraction and
// before indexing. A plain value: no Xapian, no I/O. Empty strings and lists,
// and an empty date, mean "the input does not say".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "shared/dates.hpp"
#include "shared/entity_key.hpp"

namespace dateline {

// A person, organisation or place named in the article, its mentions folded
// into one (shared/entity_key.hpp, indexer/entities/).
struct Entity {
    EntityType type = EntityType::person;
    std::string name;                 // its fullest form in the article, without titles
    std::string key;                  // the spelling-independent key it is indexed under
    int mentions = 0;
    std::vector<std::string> forms;   // every way the article writes it

    bool operator==(const Entity&) const = default;
};

struct Article {
    std::string title;
    std::string outlet;                // display name, e.g. "The Harbour Courier"
    std::optional<Date> date;          // publication date
    std::vector<std::string> byline;   // authors' names, in the order given
    std::string dateline;              // place the story was filed from
    std::string url;
    std::string record_id;             // the id a multi-record input gives it, or ""
    std::string source;                // the file it was read from ("file#N": record N of it)
    std::string body;                  // clean text: paragraphs separated by "\n\n"
    std::vector<Entity> entities;     // most mentioned first

    bool operator==(const Article&) const = default;
};

}  // namespace dateline
