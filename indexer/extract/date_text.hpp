// SPDX-License-Identifier: GPL-2.0-or-later
// Dates as news pages write them: "Jan. 7, 2020", "January 7, 2020",
// "7 January 2020", "1/9/2020" (month first, as US sites print it, unless the
// first number cannot be a month), "09.01.2020", "2020-01-09". Pure.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "shared/dates.hpp"

namespace dateline::indexer {

struct DateMention {
    Date date;
    std::size_t begin = 0, end = 0;  // bytes of the line it was read from
};

// Every complete date (day, month and year) written in line, in order.
// day_first: "02/10/2020" is 2 October, as everywhere but the US writes it
// (a page in another language, or in British English); otherwise month
// first unless the first number cannot be a month. "02.10.2020" is day
// first either way.
std::vector<DateMention> find_dates(std::string_view line, bool day_first = false);

// A date the whole of text is (white space and a trailing time of day aside),
// or one given as an ISO 8601 date-time: what metadata fields hold.
std::optional<Date> parse_date_text(std::string_view text, bool day_first = false);

// A date-time as metadata writes it, with its offset from UTC when given:
// "2023-11-09T06:35:29+00:00", "2020-05-02T02:54:29.000Z",
// "Sat, 19 Oct 2019 00:04:00 +0200", "2019-10-18 22:04" (no offset).
struct Timestamp {
    Date date;
    int minute = 0;             // of the day
    std::optional<int> offset;  // minutes east of UTC, when written
};
std::optional<Timestamp> parse_timestamp(std::string_view text);

// The publisher's time zone, from the timestamps a page writes: sets offset
// to text's offset from UTC when text is a timestamp with a non-zero one and
// offset is still unset.
void note_offset(std::string_view text, std::optional<int>& offset);

// The calendar day the timestamp falls on at another offset from UTC.
Date date_at_offset(const Timestamp& stamp, int offset);

// What the words just before a date say it is: "Published on", "Erschienen
// am:", "Datum:" (published); "Updated", "Aktualisiert", "Stand:" (changed).
// Looks at most 50 bytes back from at, and not before from.
enum class DateLabel { none, published, changed };
DateLabel label_before(std::string_view text, std::size_t from, std::size_t at);

// The first date in text labelled as wanted: with published, one labelled
// as a publication date; with none, any date not labelled as a change.
std::optional<Date> find_labelled_date(std::string_view text, DateLabel wanted, bool day_first = false);

// "Wednesday (Jan 8)", "on Wednesday, January 8": a day of the month named
// beside its weekday but without a year. year_hint gives the year; the date
// is returned only if that day really falls on that weekday in that year.
std::optional<Date> find_weekday_date(std::string_view line, std::chrono::year year_hint);

// Whether line names a day of the week at all: find_weekday_date's cheap
// first question, before any year is looked for.
bool names_weekday(std::string_view line);

}  // namespace dateline::indexer
