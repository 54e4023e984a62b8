// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/extract/field_lines.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>

#include "indexer/extract/date_text.hpp"
#include "shared/text.hpp"

namespace dateline::indexer {
namespace {

std::string_view trim(std::string_view text) {
    constexpr std::string_view blank = " \t\r\n,;:|";
    std::size_t first = text.find_first_not_of(blank);
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(blank) - first + 1);
}

std::vector<std::string_view> words_of(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t start = text.find_first_not_of(' ', i);
        if (start == std::string_view::npos) break;
        std::size_t end = text.find(' ', start);
        words.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
        i = end == std::string_view::npos ? text.size() : end;
    }
    return words;
}

bool is_particle(std::string_view word) {
    static constexpr std::array<std::string_view, 14> particles = {"de", "da", "del", "della", "der", "den", "di",
                                                                  "du", "la",  "le",   "van", "von", "bin", "al"};
    return std::find(particles.begin(), particles.end(), word) != particles.end() || word.starts_with("al-") ||
           word.starts_with("el-");
}

bool is_name_word(std::string_view word) {
    if (word.empty() || word.size() > 30) return false;
    unsigned char first = word[0];
    if (!(std::isupper(first) || first >= 0xC3)) return false;  // ASCII capital, or a letter such as Ó
    bool lower_seen = false;
    for (unsigned char c : word) {
        if (std::isdigit(c) || c == '@' || c == '/' || c == '(' || c == ')' || c == ':') return false;
        lower_seen |= std::islower(c) != 0;
    }
    return lower_seen || word.size() <= 3;  // "O'GRADY" is shouting, "J." or "JR" is not
}

std::string title_case(std::string_view text) {
    std::string out(text);
    bool start = true;
    for (char& c : out) {
        unsigned char u = c;
        if (std::isalpha(u)) {
            c = static_cast<char>(start ? std::toupper(u) : std::tolower(u));
            start = false;
        } else {
            start = c == ' ' || c == '-' || c == '.';
        }
    }
    return out;
}

bool has_lower(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](unsigned char c) { return std::islower(c); });
}

}  // namespace

std::vector<std::string_view> split_name_list(std::string_view text) {
    std::vector<std::string_view> parts;
    while (!text.empty()) {
        std::size_t cut = std::string_view::npos, skip = 0;
        for (std::string_view sep : {std::string_view(","), std::string_view(";"), std::string_view(" and "),
                                     std::string_view(" & "), std::string_view("/")}) {
            std::size_t at = text.find(sep);
            if (at < cut) cut = at, skip = sep.size();
        }
        parts.push_back(trim(text.substr(0, cut)));
        text = cut == std::string_view::npos ? std::string_view{} : text.substr(cut + skip);
    }
    return parts;
}

bool is_person_name(std::string_view text) {
    std::vector<std::string_view> words = words_of(text);
    if (words.size() < 2 || words.size() > 5) return false;
    int named = 0;
    for (std::string_view word : words) {
        if (is_particle(word)) continue;
        if (!is_name_word(word)) return false;
        ++named;
    }
    return named >= 2 && is_name_word(words.front()) && is_name_word(words.back());
}

std::vector<std::string> read_names(std::string_view text) {
    std::vector<std::string> names;
    for (std::string_view part : split_name_list(text)) {
        if (part.empty()) continue;
        if (!is_person_name(part)) return {};
        names.emplace_back(part);
    }
    return names;
}

std::optional<Dateline> read_dateline(std::string_view paragraph, const OutletNames& outlets) {
    // Only the opening is looked at, so the regexes stay cheap.
    std::string head(paragraph.substr(0, 160));
    static const std::regex capitals(
        R"(^([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3})(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})?(?:,? [A-Z][a-z]{2,8}\.? \d{1,2})? ?(?:\(([^)]{1,80})\))? ?(?:—|–|--|-) ?)");
    static const std::regex credited(
        R"(^([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})?(?:,? [A-Z][a-z]{2,8}\.? \d{1,2})? \(([^)]{1,80})\) ?(?:—|–|--|-) ?)");
    std::smatch match;
    // Both are anchored: tried at the start only (regex_search would try every position).
    constexpr auto at_start = std::regex_constants::match_continuous;
    if (!std::regex_search(head, match, capitals, at_start) && !std::regex_search(head, match, credited, at_start))
        return std::nullopt;
    std::string place = match[1].str();
    if (place.size() < 3) return std::nullopt;
    Dateline dateline{has_lower(place) ? place : title_case(place), {}};
    for (std::string_view credit : split_name_list(match[2].matched ? std::string_view(head).substr(match.position(2), match.length(2)) : "")) {
        if (credit.empty()) continue;
        if (auto known = outlets.find(credit))
            dateline.credits.push_back(*known);
        else
            dateline.credits.push_back(credit.size() > 4 && !has_lower(credit) ? title_case(credit) : std::string(credit));
    }
    return dateline;
}

std::vector<std::string> read_by_line(std::string_view line) {
    if (line.size() > 120 || !(line.starts_with("By ") || line.starts_with("BY ") || line.starts_with("by ")))
        return {};
    std::string_view names = line.substr(3);
    names = names.substr(0, names.find('|'));
    // "By A and B, Jan. 7, 2020" / "By A Updated ...": names stop where a date starts.
    if (auto dates = find_dates(names); !dates.empty()) names = names.substr(0, dates.front().begin);
    return read_names(trim(names));
}

std::optional<Bio> read_bio(std::string_view line, const ScrapeRules& rules) {
    if (line.size() > 400) return std::nullopt;
    std::vector<std::string_view> words = words_of(line.substr(0, line.find_first_of(".:")));
    // One or two names, then "is"/"are" or a bio verb, then a job word soon.
    for (std::size_t n = 2; n <= 9 && n < words.size(); ++n) {
        std::string verb(words[n]);
        if (verb != "is" && verb != "are" && !rules.is_bio_word(verb) && !rules.is_bio_word(verb + "s")) continue;
        std::string subject;
        for (std::size_t k = 0; k < n; ++k) subject += (k ? " " : "") + std::string(words[k]);
        std::vector<std::string> names = read_names(subject);
        if (names.empty()) return std::nullopt;
        bool job = verb != "is" && verb != "are";
        std::size_t outlet_at = 0;
        for (std::size_t k = n + 1; k < words.size() && k < n + 12; ++k) {
            std::string w = ascii_lower(words[k]);
            job |= rules.is_bio_word(w);
            if (job && (w == "at" || w == "for" || w == "with") && k + 1 < words.size()) outlet_at = k + 1;
        }
        if (!job) return std::nullopt;
        Bio bio{names, ""};
        if (outlet_at) {
            std::string outlet;
            for (std::size_t k = outlet_at; k < words.size(); ++k) {
                std::string_view w = words[k];
                bool capital = std::isupper(static_cast<unsigned char>(w[0]));
                if (!capital && !(outlet.empty() && w == "the")) break;
                outlet += (outlet.empty() ? "" : " ") + std::string(w == "the" ? "The" : w);
            }
            if (outlet.size() > 4) bio.outlet = rules.outlets().canonical(outlet);
        }
        return bio;
    }
    return std::nullopt;
}

std::optional<HeaderLine> read_header_line(std::string_view line, const OutletNames& outlets) {
    if (line.size() > 200) return std::nullopt;
    std::vector<DateMention> dates = find_dates(line);
    if (dates.empty()) return std::nullopt;
    std::string_view before = trim(line.substr(0, dates.front().begin));
    if (std::size_t logo = before.find(" logo "); logo != std::string_view::npos) before = before.substr(0, logo);
    std::optional<std::string> outlet = outlets.find(before);
    if (!outlet) return std::nullopt;
    return HeaderLine{*outlet, dates.front().date, read_names(trim(line.substr(dates.front().end)))};
}

std::optional<Date> read_date_line(std::string_view line) {
    if (line.size() > 200 || std::none_of(line.begin(), line.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
    thread_local std::string key;  // reused: asked of every line above a story
    furniture_key(line.substr(0, 40), key);
    bool announced = false;
    for (std::string_view word : {"update", "updated", "published", "posted", "last updated", "first published"})
        announced |= key.starts_with(word);
    if (announced) {
        std::vector<DateMention> dates = find_dates(line);
        if (!dates.empty() && dates.front().begin < 40) return dates.front().date;
        return std::nullopt;
    }
    return line.size() <= 60 ? parse_date_text(line) : std::nullopt;
}

bool is_contact_or_credit(std::string_view line) {
    std::string_view text = trim(line);
    if (text.empty()) return false;
    bool one_word = text.find(' ') == std::string_view::npos;
    if (one_word && (text.front() == '@' || (text.find('@') != std::string_view::npos && text.find('.') != std::string_view::npos)))
        return true;
    if (text.size() <= 60 && text.find('/') != std::string_view::npos && !has_lower(text) && words_of(text).size() <= 5 &&
        std::none_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); }) &&
        std::any_of(text.begin(), text.end(), [](unsigned char c) { return std::isupper(c); }))
        return true;  // "EPA/ALI ABBAS", not "S/P UPGRADES UNION CARBIDE CORP'S 1.2 BILLION DLRS OF DEBT"
    // A credit is at most this long after its mark, so only a line's tail is
    // searched, and only when it holds a mark's colon or dots.
    constexpr std::size_t longest_credit = 80;
    std::string_view end = text.substr(text.size() - std::min(text.size(), longest_credit + 10));
    if (end.find(':') == std::string_view::npos && end.find("... ") == std::string_view::npos) return false;
    for (std::string_view mark : {"PHOTO: ", "PHOTOS: ", "Photo: ", "Credit... ", "Credit: ", "(Photo: "}) {
        std::size_t tail = std::min(text.size(), longest_credit + mark.size());
        std::size_t at = text.substr(text.size() - tail).rfind(mark);
        if (at == std::string_view::npos) continue;
        std::string_view credit = text.substr(text.size() - tail + at + mark.size());
        if (mark.starts_with("Credit") || mark.starts_with("(") || !has_lower(credit)) return true;
    }
    return false;
}

}  // namespace dateline::indexer
