// SPDX-License-Identifier: GPL-2.0-or-later
// Fuzz target: dates as people type them (query ranges, --since and
// --until) and as articles write them (date_text.hpp: dates in a line,
// labelled dates, weekdays, timestamps with offsets), from the same bytes.
#include <cstddef>
#include <cstdint>
#include <chrono>
#include <string_view>

#include "indexer/extract/date_text.hpp"
#include "shared/date_range.hpp"
#include "shared/dates.hpp"

using namespace dateline;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    const Date today{std::chrono::year{2024}, std::chrono::month{2}, std::chrono::day{29}};
    (void)parse_date_range(text, today);
    (void)parse_date_span(text, today);
    (void)parse_iso_date(text);
    for (bool day_first : {false, true}) {
        (void)indexer::find_dates(text, day_first);
        (void)indexer::parse_date_text(text, day_first);
        (void)indexer::find_labelled_date(text, indexer::DateLabel::published, day_first);
    }
    if (auto stamp = indexer::parse_timestamp(text)) {
        std::optional<int> offset;
        indexer::note_offset(text, offset);
        (void)indexer::date_at_offset(*stamp, offset.value_or(0));
    }
    (void)indexer::find_weekday_date(text, std::chrono::year{2024});
    (void)indexer::names_weekday(text);
    if (!text.empty()) (void)indexer::label_before(text, 0, text.size() - 1);
    return 0;
}
