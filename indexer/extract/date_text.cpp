// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/extract/date_text.hpp"

#include <algorithm>

#include "shared/text.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <string>

namespace dateline::indexer {
namespace {

struct Token {
    std::string_view text;
    std::size_t begin = 0;
    bool number = false;
};

// ASCII tests without the C library's locale lookups: tokenising is on
// the path of every line.
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_letter(unsigned char c) { return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80; }

// A word in lower case in a fixed buffer, or empty if longer than it.
struct LowerWord {
    char text[10];
    std::size_t size = 0;
    explicit LowerWord(std::string_view word) {
        if (word.size() > sizeof text) return;
        for (char c : word) text[size++] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
    }
    std::string_view view() const { return {text, size}; }
};

// Letters and digits runs; everything else separates (and is looked at
// through the gap between two tokens).
// Into tokens, reused: every line with a digit is tokenised.
void tokenise(std::string_view line, std::vector<Token>& tokens) {
    tokens.clear();
    std::size_t i = 0;
    while (i < line.size()) {
        unsigned char c = line[i];
        if (!is_digit(c) && !is_letter(c)) {
            ++i;
            continue;
        }
        bool number = is_digit(c);
        std::size_t start = i;
        while (i < line.size() && (number ? is_digit(line[i]) : is_letter(line[i]))) ++i;
        tokens.push_back({line.substr(start, i - start), start, number});
    }
}

std::vector<Token> tokenise(std::string_view line) {
    std::vector<Token> tokens;
    tokenise(line, tokens);
    return tokens;
}

unsigned number_of(std::string_view digits) {
    unsigned value = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), value);
    return value;
}

// 1-12 for an English month name or its usual abbreviation, 0 otherwise.
unsigned month_of(std::string_view word) {
    static constexpr std::array<std::string_view, 12> names = {"january", "february", "march",     "april",
                                                              "may",     "june",     "july",      "august",
                                                              "september", "october", "november", "december"};
    if (word.size() < 3 || word.size() > 9 || is_digit(word[0])) return 0;
    LowerWord lower(word);
    std::string_view w = lower.view();
    if (w == "sept") return 9;
    // German names where they differ from the English (pages in German are common in archives).
    static const std::array<std::pair<std::string_view, unsigned>, 8> german = {
        {{"januar", 1}, {"februar", 2}, {"m\xc3\xa4rz", 3}, {"mai", 5}, {"juni", 6}, {"juli", 7}, {"oktober", 10}, {"dezember", 12}}};
    for (auto [name, m] : german)
        if (w == name) return m;
    for (unsigned m = 0; m < names.size(); ++m)
        if (w == names[m] || (w.size() == 3 && names[m].starts_with(w))) return m + 1;
    return 0;
}

// 0 (Sunday) to 6 for an English weekday name or abbreviation, -1 otherwise.
int weekday_of(std::string_view word) {
    static constexpr std::array<std::string_view, 7> names = {"sunday", "monday", "tuesday", "wednesday",
                                                             "thursday", "friday", "saturday"};
    if (word.size() < 3 || word.size() > 9 || is_digit(word[0])) return -1;
    LowerWord lower(word);
    std::string_view w = lower.view();
    for (int d = 0; d < 7; ++d)
        if (w == names[d] || (w.size() == 3 && names[d].starts_with(w))) return d;
    return -1;
}

bool is_day(const Token& t) { return t.number && t.text.size() <= 2 && number_of(t.text) >= 1 && number_of(t.text) <= 31; }
bool is_year(const Token& t) { return t.number && t.text.size() == 4 && number_of(t.text) >= 1900 && number_of(t.text) <= 2100; }

bool is_ordinal(const Token& t) {
    if (t.number || t.text.size() != 2) return false;
    std::string w = ascii_lower(t.text);
    return w == "st" || w == "nd" || w == "rd" || w == "th";
}

std::optional<Date> make(unsigned y, unsigned m, unsigned d) {
    Date date{std::chrono::year{static_cast<int>(y)}, std::chrono::month{m}, std::chrono::day{d}};
    if (!date.ok()) return std::nullopt;
    return date;
}

// The characters between tokens a and b (exclusive).
std::string_view gap(std::string_view line, const Token& a, const Token& b) {
    std::size_t end = a.begin + a.text.size();
    return line.substr(end, b.begin - end);
}

bool gap_is(std::string_view g, std::string_view allowed) {
    return g.size() <= 3 && g.find_first_not_of(allowed) == std::string_view::npos;
}

// A date starting at token i, and the index one past its last token.
std::optional<std::pair<Date, std::size_t>> date_at(std::string_view line, const std::vector<Token>& t, std::size_t i,
                                                    bool day_first_page) {
    auto has = [&](std::size_t k) { return k < t.size(); };
    // Month D[th][,] YYYY
    if (unsigned m = month_of(t[i].text); m && has(i + 2) && is_day(t[i + 1]) && gap_is(gap(line, t[i], t[i + 1]), ". ")) {
        std::size_t y = i + 2;
        if (is_ordinal(t[y]) && gap(line, t[i + 1], t[y]).empty()) ++y;
        if (has(y) && is_year(t[y]) && gap_is(gap(line, t[y - 1], t[y]), ", "))
            if (auto date = make(number_of(t[y].text), m, number_of(t[i + 1].text))) return {{*date, y + 1}};
    }
    if (!is_day(t[i]) && !is_year(t[i])) return std::nullopt;
    // D[th][.] Month[,] YYYY
    std::size_t k = i + 1;
    if (has(k) && is_ordinal(t[k]) && gap(line, t[i], t[k]).empty()) ++k;
    if (is_day(t[i]) && has(k + 1)) {
        if (unsigned m = month_of(t[k].text); m && gap_is(gap(line, t[k - 1], t[k]), ". ") && is_year(t[k + 1]) &&
                                              gap_is(gap(line, t[k], t[k + 1]), ". ,"))
            if (auto date = make(number_of(t[k + 1].text), m, number_of(t[i].text))) return {{*date, k + 2}};
    }
    if (!has(i + 2) || !t[i + 1].number || !t[i + 2].number) return std::nullopt;
    std::string_view g1 = gap(line, t[i], t[i + 1]), g2 = gap(line, t[i + 1], t[i + 2]);
    if (g1.size() != 1 || g1 != g2 || (g1 != "/" && g1 != "-" && g1 != ".")) return std::nullopt;
    unsigned a = number_of(t[i].text), b = number_of(t[i + 1].text);
    // YYYY-MM-DD (or with / or .)
    if (is_year(t[i]) && t[i + 1].text.size() <= 2 && t[i + 2].text.size() <= 2)
        if (auto date = make(a, b, number_of(t[i + 2].text))) return {{*date, i + 3}};
    // DD.MM.YY, as German pages abbreviate: both fields of two digits, so a
    // version number ("1.10.13") is not read as a date.
    if (g1 == "." && t[i].text.size() == 2 && t[i + 1].text.size() == 2 && t[i + 2].text.size() == 2 &&
        (!has(i + 3) || gap(line, t[i + 2], t[i + 3]) != ".")) {
        unsigned yy = number_of(t[i + 2].text);
        if (auto date = make(yy < 70 ? 2000 + yy : 1900 + yy, b, a)) return {{*date, i + 3}};
    }
    if (!is_day(t[i]) || !is_year(t[i + 2]) || t[i + 1].text.size() > 2) return std::nullopt;
    unsigned y = number_of(t[i + 2].text);
    // D.M.YYYY is European; M/D/YYYY is American unless the first cannot be a month.
    bool day_first = day_first_page || g1 == "." || a > 12;
    if (auto date = day_first ? make(y, b, a) : make(y, a, b)) return {{*date, i + 3}};
    return std::nullopt;
}

}  // namespace

std::vector<DateMention> find_dates(std::string_view line, bool day_first) {
    std::vector<DateMention> found;
    // Every form has a number in it (most lines have none).
    if (std::none_of(line.begin(), line.end(), [](char c) { return is_digit(c); })) return found;
    thread_local std::vector<Token> tokens;
    tokenise(line, tokens);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        auto date = date_at(line, tokens, i, day_first);
        if (!date) continue;
        const Token& last = tokens[date->second - 1];
        found.push_back({date->first, tokens[i].begin, last.begin + last.text.size()});
        i = date->second - 1;
    }
    return found;
}

std::optional<Date> parse_date_text(std::string_view text, bool day_first) {
    std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return std::nullopt;
    text.remove_prefix(first);
    // ISO 8601 date-times: "2020-01-09T10:00:00Z", "2020-01-09 16:17:44".
    if (text.size() >= 10 && (text.size() == 10 || text[10] == 'T' || text[10] == ' '))
        if (auto date = parse_iso_date(text.substr(0, 10))) return date;
    std::vector<DateMention> dates = find_dates(text, day_first);
    if (dates.empty()) return std::nullopt;
    // Only words (a weekday, "Published", "Updated") may come before it.
    for (char c : text.substr(0, dates.front().begin))
        if (std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    return dates.front().date;
}

namespace {

// Reads digits at text[i..i+n) into value; false if they are not all digits.
bool read_digits(std::string_view text, std::size_t i, std::size_t n, int& value) {
    if (i + n > text.size()) return false;
    value = 0;
    for (std::size_t k = i; k < i + n; ++k) {
        if (!is_digit(text[k])) return false;
        value = value * 10 + (text[k] - '0');
    }
    return true;
}

// "HH:MM[:SS[.fff]]" at text[i], then an optional offset: "Z", "UTC", "GMT",
// "+02:00", "+0200", "-05". Fills stamp; false if no time of day is there.
bool read_time_and_offset(std::string_view text, std::size_t i, Timestamp& stamp) {
    int hour = 0, minute = 0;
    if (!read_digits(text, i, 2, hour) || i + 5 > text.size() || text[i + 2] != ':' || !read_digits(text, i + 3, 2, minute) ||
        hour > 23 || minute > 59)
        return false;
    stamp.minute = hour * 60 + minute;
    i += 5;
    if (i < text.size() && text[i] == ':')
        for (++i; i < text.size() && is_digit(text[i]); ++i) {}
    if (i < text.size() && (text[i] == '.' || text[i] == ','))
        for (++i; i < text.size() && is_digit(text[i]); ++i) {}
    while (i < text.size() && text[i] == ' ') ++i;
    std::string_view rest = text.substr(i);
    if (rest.starts_with("Z")) {
        stamp.offset = 0;
        return true;
    }
    if (rest.starts_with("UTC") || rest.starts_with("GMT")) stamp.offset = 0, i += 3;  // perhaps "GMT+0200"
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
        int sign = text[i] == '-' ? -1 : 1, hours = 0, minutes = 0;
        if (!read_digits(text, i + 1, 2, hours)) return true;
        std::size_t m = i + 3 < text.size() && text[i + 3] == ':' ? i + 4 : i + 3;
        if (!read_digits(text, m, 2, minutes)) minutes = 0;
        if (hours <= 14 && minutes < 60) stamp.offset = sign * (hours * 60 + minutes);
    }
    return true;
}

}  // namespace

void note_offset(std::string_view text, std::optional<int>& offset) {
    if (offset) return;
    if (auto stamp = parse_timestamp(text); stamp && stamp->offset && *stamp->offset != 0) offset = stamp->offset;
}

std::optional<Timestamp> parse_timestamp(std::string_view text) {
    text = trim_space(text);
    Timestamp stamp;
    if (text.size() >= 16 && (text[10] == 'T' || text[10] == ' ')) {
        auto date = parse_iso_date(text.substr(0, 10));
        if (!date) return std::nullopt;
        stamp.date = *date;
        if (!read_time_and_offset(text, 11, stamp)) return std::nullopt;
        return stamp;
    }
    // "Sat, 19 Oct 2019 00:04:00 +0200": words and a date, then the time.
    std::vector<DateMention> dates = find_dates(text);
    if (dates.empty()) return std::nullopt;
    stamp.date = dates.front().date;
    std::size_t i = dates.front().end;
    while (i < text.size() && (text[i] == ' ' || text[i] == ',')) ++i;
    if (!read_time_and_offset(text, i, stamp)) return std::nullopt;
    return stamp;
}

Date date_at_offset(const Timestamp& stamp, int offset) {
    int minutes = stamp.minute - stamp.offset.value_or(0) + offset;
    auto day = std::chrono::sys_days(stamp.date);
    if (minutes < 0) day -= std::chrono::days{1};
    else if (minutes >= 24 * 60) day += std::chrono::days{1};
    return Date{day};
}

DateLabel label_before(std::string_view text, std::size_t from, std::size_t at) {
    // Lower case; the non-ASCII letters of the labels are matched as written.
    static constexpr std::string_view published[] = {
        "published", "posted", "date", "written", "created", "publi\xc3\xa9", "publicado", "pubblicato",
        "opublikowano", "ver\xc3\xb6""ffentlicht", "publiziert", "erschienen", "erscheinungsdatum", "datum", "erstellt"};
    static constexpr std::string_view changed[] = {
        "updated", "update", "modified", "last", "edited", "aktualisiert", "ge\xc3\xa4ndert", "\xc3\xa4nderung",
        "stand", "editiert", "mis \xc3\xa0 jour", "actualizado", "aggiornato"};
    constexpr std::size_t window = 50;  // bytes before a date that may hold its label
    from = std::max(from, at > window ? at - window : 0);
    std::string before = ascii_lower(text.substr(from, at - from));
    // The label nearest the date says what it is; "updated" holds "date", so
    // at the same end the longer label wins.
    std::size_t best_end = 0, best_size = 0;
    DateLabel best = DateLabel::none;
    auto look = [&](std::string_view label, DateLabel kind) {
        std::size_t found = before.rfind(label);
        if (found == std::string::npos) return;
        std::size_t end = found + label.size();
        if (end > best_end || (end == best_end && label.size() > best_size)) best_end = end, best_size = label.size(), best = kind;
    };
    for (std::string_view label : published) look(label, DateLabel::published);
    for (std::string_view label : changed) look(label, DateLabel::changed);
    return best;
}

std::optional<Date> find_labelled_date(std::string_view text, DateLabel wanted, bool day_first) {
    std::size_t previous_end = 0;
    for (const DateMention& mention : find_dates(text, day_first)) {
        DateLabel label = label_before(text, previous_end, mention.begin);
        if (wanted == DateLabel::published ? label == DateLabel::published : label != DateLabel::changed)
            return mention.date;
        previous_end = mention.end;
    }
    return std::nullopt;
}

bool names_weekday(std::string_view line) {
    return std::ranges::any_of(tokenise(line), [](const Token& token) { return weekday_of(token.text) >= 0; });
}

std::optional<Date> find_weekday_date(std::string_view line, std::chrono::year year_hint) {
    std::vector<Token> t = tokenise(line);
    for (std::size_t i = 0; i + 2 < t.size(); ++i) {
        int weekday = weekday_of(t[i].text);
        if (weekday < 0) continue;
        unsigned m = month_of(t[i + 1].text);
        if (!m || !is_day(t[i + 2]) || !gap_is(gap(line, t[i], t[i + 1]), " ,(") ||
            !gap_is(gap(line, t[i + 1], t[i + 2]), " ."))
            continue;
        // Not when a year follows: find_dates reads those.
        if (i + 3 < t.size() && is_year(t[i + 3])) continue;
        Date date{year_hint, std::chrono::month{m}, std::chrono::day{number_of(t[i + 2].text)}};
        if (!date.ok()) continue;
        if (std::chrono::weekday(std::chrono::sys_days(date)).c_encoding() == static_cast<unsigned>(weekday)) return date;
    }
    return std::nullopt;
}

}  // namespace dateline::indexer
