// SPDX-License-Identifier: GPL-2.0-or-later
// The lines of a scrape that carry metadata rather than news, each read by
// one small pure function: datelines, "By" lines, author bios and the header
// lines syndication sites print above a story.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/extract/scrape_rules.hpp"
#include "shared/dates.hpp"

namespace dateline::indexer {

// "Kareem Fahim", "Mary Anastasia O'Grady", "Gen. Bouie"? no: two to four
// capitalised words (particles such as "de", "van", "al-" allowed), no digits.
bool is_person_name(std::string_view text);

// "Kareem Fahim, Sarah Dadouch", "A and B; C & D/E": the parts of a list of
// names, trimmed (empty parts included), whatever they hold.
std::vector<std::string_view> split_name_list(std::string_view text);

// The same list, or empty if any part is not a person's name.
std::vector<std::string> read_names(std::string_view text);

struct Dateline {
    std::string place;                 // "Istanbul"
    std::vector<std::string> credits;  // "Reuters", "AFP"
};

// The dateline a story's first paragraph opens with: "ISTANBUL —An ...",
// "BAGHDAD (REUTERS, BLOOMBERG, AFP) - ...", "WASHINGTON, Jan 7 (Reuters) -".
// Place names in capitals are printed in title case; credits through the
// outlet table.
std::optional<Dateline> read_dateline(std::string_view paragraph, const OutletNames& outlets);

// "By Jamelle Bouie", "By Lara Seligman and Robbie Gramer": the names; empty
// for anything else, "By Taboola" included (one word is not a name).
std::vector<std::string> read_by_line(std::string_view line);

struct Bio {
    std::vector<std::string> names;  // "Lara Seligman"; "Ruth Okafor", "Devika Rao"
    std::string outlet;  // "Foreign Policy", or "" when the bio does not say
};

// "Lara Seligman is a staff writer at Foreign Policy. Twitter: @x",
// "Mara Quint covers the port and shipping for the Courier.", "Ruth Okafor
// and Devika Rao report on the valley for the Ledger."
std::optional<Bio> read_bio(std::string_view line, const ScrapeRules& rules);

struct HeaderLine {
    std::string outlet;
    Date date;
    std::vector<std::string> byline;
};

// "The Washington Post logo The Washington Post 1/9/2020 Kareem Fahim,
// Sarah Dadouch": a date with an outlet before it and names after it.
std::optional<HeaderLine> read_header_line(std::string_view line, const OutletNames& outlets);

// "Update, Jan. 7, 2020: ...", "Published January 7, 2020", "Jan. 7, 2020":
// the date a line states the story was published or updated.
std::optional<Date> read_date_line(std::string_view line);

// Lines that are only an e-mail address, a social handle or a photo credit
// ("EPA/ALI ABBAS", "... PHOTO: AFP", "Credit... Doug Mills/The New York Times").
bool is_contact_or_credit(std::string_view line);

}  // namespace dateline::indexer
