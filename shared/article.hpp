// SPDX-License-Identifier: GPL-2.0-or-later
// Article: one news article as Dateline understands it, after extraction and
// before indexing. A plain value: no Xapian, no I/O. Empty strings and lists,
// and an empty date, mean "the input does not say".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "shared/dates.hpp"

namespace dateline {

struct Entities {
    std::vector<std::string> people;
    std::vector<std::string> organisations;
    std::vector<std::string> places;

    bool operator==(const Entities&) const = default;
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
    Entities entities;

    bool operator==(const Article&) const = default;
};

}  // namespace dateline
