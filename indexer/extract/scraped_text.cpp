// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/extract/scraped_text.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

#include "indexer/extract/date_text.hpp"
#include "indexer/extract/field_lines.hpp"
#include "indexer/extract/main_text.hpp"
#include "shared/text.hpp"

namespace dateline::indexer {
namespace {

// BOM off, CR off, non-breaking spaces as spaces; then the trimmed,
// non-blank lines.
std::string normalise(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    // Never longer than the input: written through a pointer, then cut to size.
    std::string out(text.size(), '\0');
    char* o = out.data();
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            if (i + 1 == text.size() || text[i + 1] != '\n') *o++ = '\n';
        } else if (text[i] == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
            *o++ = ' ';
            ++i;
        } else {
            *o++ = text[i] == '\t' ? ' ' : text[i];
        }
    }
    out.resize(static_cast<std::size_t>(o - out.data()));
    return out;
}

bool ends_sentence(std::string_view line) {
    for (std::string_view end : {".", "!", "?", "\"", "”", "’", "'", ":", ")"})
        if (line.ends_with(end)) return true;
    return false;
}

// Hard-wrapped text (wire copy, old archives: every line cut short of some
// width) gets its paragraphs back as one line each, as a scrape has them;
// otherwise every line would be judged alone, and all are short. A line
// runs on into the next unless a blank line or an indented line (a new
// paragraph) comes between, or it ends a sentence well short of the width.
// Text is taken as wrapped when at least a quarter of its pairs of lines
// are a long line of words running on mid-sentence into a word in lower
// case, which menus and one-line paragraphs do not do.
std::string unwrap_lines(std::string text) {
    struct Line {
        std::string_view text;  // trimmed
        std::size_t indent = 0;
    };
    std::vector<Line> lines;
    for (std::string_view rest = text; !rest.empty();) {
        std::size_t end = rest.find('\n');
        std::string_view line = rest.substr(0, end);
        rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
        std::size_t first = line.find_first_not_of(' ');
        if (first == std::string_view::npos) lines.push_back({});
        else lines.push_back({line.substr(first, line.find_last_not_of(' ') - first + 1), first});
    }
    constexpr std::size_t min_cut_line = 40;
    std::size_t pairs = 0, run_on = 0;
    std::vector<std::size_t> widths;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].text.empty()) continue;
        widths.push_back(lines[i].indent + lines[i].text.size());
        if (i + 1 == lines.size() || lines[i + 1].text.empty()) continue;
        ++pairs;
        unsigned char next = lines[i + 1].text.front();
        // Cut short of the width: a line of words, long enough to have been cut.
        bool cut = lines[i].text.size() >= min_cut_line && std::count(lines[i].text.begin(), lines[i].text.end(), ' ') >= 4;
        run_on += cut && !ends_sentence(lines[i].text) && next >= 'a' && next <= 'z';
    }
    constexpr std::size_t min_pairs = 3;
    if (pairs < min_pairs || run_on * 4 < pairs) return text;
    // The width lines are cut at: nine lines in ten are no longer.
    std::sort(widths.begin(), widths.end());
    std::size_t width = widths[widths.size() * 9 / 10];
    // The indent most lines have: a line indented further starts a paragraph.
    std::map<std::size_t, std::size_t> indents;
    for (const Line& line : lines)
        if (!line.text.empty()) ++indents[line.indent];
    std::size_t base = std::max_element(indents.begin(), indents.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line& line = lines[i];
        if (line.text.empty()) continue;
        if (i > 0 && !lines[i - 1].text.empty() && line.indent <= base &&
            !(ends_sentence(lines[i - 1].text) && (lines[i - 1].indent + lines[i - 1].text.size()) * 4 < width * 3))
            out += ' ';
        else if (!out.empty())
            out += '\n';
        out += line.text;
    }
    return out;
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        std::size_t first = line.find_first_not_of(' ');
        if (first == std::string_view::npos) continue;
        lines.push_back(line.substr(first, line.find_last_not_of(' ') - first + 1));
    }
    return lines;
}

std::size_t word_count(std::string_view line) { return 1 + std::count(line.begin(), line.end(), ' '); }

// A headline: a handful of words, not a sentence with a full stop (an
// abbreviation such as "U.S." may end it).
bool looks_like_title(std::string_view line) {
    if (line.size() > 250 || line.ends_with(',') || line.ends_with(':')) return false;
    std::string_view last_word = line.substr(line.rfind(' ') + 1);
    if (line.ends_with('.') && last_word.find('.') == last_word.size() - 1) return false;
    std::size_t words = word_count(line);
    return words >= 2 && words <= 30;
}

struct Lines {
    std::vector<std::string_view> text;
    std::vector<bool> furniture;
    std::vector<bool> taken;  // title or metadata: neither body nor removed
    std::string outlet_mark;  // outlet named by the first outlet-specific furniture
};

// A short line printed again and again is a label, not a sentence.
constexpr std::size_t longest_label = 70;

bool is_label(std::string_view line) { return line.size() < longest_label && !ends_sentence(line); }

Lines mark_furniture(std::vector<std::string_view> text, const ScrapeRules& rules) {
    Lines lines{std::move(text), {}, {}, {}};
    const std::size_t n = lines.text.size();
    // The labels' keys, built once, end to end in one buffer.
    std::string key_buffer, key;
    std::vector<std::pair<std::size_t, std::size_t>> key_at(n, {0, std::string::npos});  // offset, size; npos: not a label
    for (std::size_t i = 0; i < n; ++i)
        if (is_label(lines.text[i])) {
            furniture_key(lines.text[i], key);
            key_at[i] = {key_buffer.size(), key.size()};
            key_buffer += key;
        }
    auto key_of = [&](std::size_t i) { return std::string_view(key_buffer).substr(key_at[i].first, key_at[i].second); };
    // Labels printed more than once: equal keys side by side once sorted.
    std::vector<std::size_t> labels;
    for (std::size_t i = 0; i < n; ++i)
        if (key_at[i].second != std::string::npos) labels.push_back(i);
    std::sort(labels.begin(), labels.end(), [&](std::size_t a, std::size_t b) { return key_of(a) < key_of(b); });
    std::vector<bool> repeated(n, false);
    for (std::size_t k = 1; k < labels.size(); ++k)
        if (key_of(labels[k]) == key_of(labels[k - 1])) repeated[labels[k]] = repeated[labels[k - 1]] = true;
    for (std::size_t i = 0; i < n; ++i) {
        std::string_view line = lines.text[i];
        bool label = key_at[i].second != std::string::npos;
        const FurnitureRule* rule = label ? rules.furniture(key_of(i)) : rules.furniture_line(line);
        if (rule && !rule->outlet.empty() && lines.outlet_mark.empty()) lines.outlet_mark = rule->outlet;
        bool repeated_label = repeated[i];
        lines.furniture.push_back(rule || repeated_label || is_contact_or_credit(line));
    }
    lines.taken.assign(n, false);
    return lines;
}

// The first and last lines of the story proper: where the first paragraph
// of prose starts, and where the last one ends.
std::pair<std::size_t, std::size_t> story_bounds(const MainText& main) {
    auto is_prose = [&](BlockClass wanted) {
        std::optional<std::size_t> first, last;
        for (std::size_t i = 0; i < main.keep.size(); ++i)
            if (main.keep[i] && main.alone[i] == wanted) {
                if (!first) first = i;
                last = i;
            }
        return first ? std::optional(std::pair(*first, *last)) : std::nullopt;
    };
    if (auto bounds = is_prose(BlockClass::good)) return *bounds;
    if (auto bounds = is_prose(BlockClass::near_good)) return *bounds;
    return {main.keep.size(), main.keep.size()};
}

// What the lines above the story say: outlet and byline onto article, and
// the lines read (title, header, "By", date) marked taken.
struct Header {
    std::optional<Date> date;      // from a header, "By" or date line
    std::optional<Date> any_date;  // the first date of any other line above the story
    std::optional<std::size_t> title_line;
};

Header read_header(Lines& lines, std::size_t story_start, const ScrapeRules& rules, Article& article) {
    Header header;
    const std::size_t n = lines.text.size();
    for (std::size_t i = 0; i < std::min(story_start, n); ++i) {
        std::string_view line = lines.text[i];
        if (lines.furniture[i]) continue;
        if (auto found = read_header_line(line, rules.outlets())) {
            article.outlet = found->outlet;
            header.date = found->date;
            if (!found->byline.empty()) article.byline = found->byline;
        } else if (auto names = read_by_line(line); !names.empty()) {
            if (article.byline.empty()) article.byline = names;
            if (auto dates = find_dates(line); !dates.empty() && !header.date) header.date = dates.front().date;
        } else if (auto date = read_date_line(line)) {
            if (!header.date) header.date = date;
        } else if (looks_like_title(line) && line.find('|') == std::string_view::npos) {
            // The headline is the fullest title-like line above the story,
            // not a masthead or section name printed above it. With no story
            // (a table, a list), it is the first: the others are rows.
            if (header.title_line && (story_start >= n || word_count(lines.text[*header.title_line]) >= word_count(line)))
                continue;
            if (header.title_line) lines.taken[*header.title_line] = false;
            header.title_line = i;
        } else {
            if (auto dates = find_dates(line); !dates.empty() && !header.any_date) header.any_date = dates.front().date;
            continue;
        }
        lines.taken[i] = true;
    }
    return header;
}

// Below the story: the authors' bios, short lines after the last long
// paragraph or among the last few, marked as furniture.
struct Bios {
    std::vector<std::string> names;
    std::string outlet;
};

Bios read_bios(Lines& lines, const MainText& main, std::pair<std::size_t, std::size_t> story, const ScrapeRules& rules) {
    Bios bios;
    const std::size_t n = lines.text.size();
    for (std::size_t i = story.first + 1; i < n; ++i) {
        if (main.alone[i] == BlockClass::good || (i <= story.second && i + 6 < n)) continue;
        if (auto bio = read_bio(lines.text[i], rules)) {
            bios.names.insert(bios.names.end(), bio->names.begin(), bio->names.end());
            if (bios.outlet.empty()) bios.outlet = bio->outlet;
            lines.furniture[i] = true;
        }
    }
    return bios;
}

// The body from the kept lines, the rest to removed; the dateline from its
// first paragraph. Returns the date of the first "Updated ..." line.
std::optional<Date> take_body(const Lines& lines, const MainText& main, const ScrapeRules& rules, CleanedArticle& result) {
    Article& article = result.article;
    std::optional<Date> update_date;
    for (std::size_t i = 0; i < lines.text.size(); ++i) {
        std::string_view line = lines.text[i];
        if (!update_date && line.size() < 200 && ascii_lower(line.substr(0, 6)) == "update") update_date = read_date_line(line);
        if (lines.taken[i]) continue;
        if (!main.keep[i] || lines.furniture[i]) {
            result.removed.emplace_back(line);
            continue;
        }
        if (article.body.empty()) {
            if (auto dateline = read_dateline(line, rules.outlets())) {
                article.dateline = dateline->place;
                result.credits = dateline->credits;
            }
        }
        if (!article.body.empty()) article.body += "\n\n";
        article.body += line;
    }
    return update_date;
}

// Nothing read as prose (a one-line wire brief, a table of figures): every
// line that is not furniture is the text, rather than losing it, under the
// first line as its headline if it looks like one (with no story below them,
// the fullest title-like line is just a row).
void take_every_line(const Lines& lines, std::optional<std::size_t> title_line, CleanedArticle& result) {
    Article& article = result.article;
    result.removed.clear();
    article.title.clear();
    bool first = true;
    for (std::size_t i = 0; i < lines.text.size(); ++i) {
        if (lines.furniture[i]) {
            result.removed.emplace_back(lines.text[i]);
            continue;
        }
        if (std::exchange(first, false) && looks_like_title(lines.text[i])) {
            article.title = lines.text[i];
            continue;
        }
        if (lines.taken[i] && i != title_line) continue;  // a By line or a date line
        if (!article.body.empty()) article.body += "\n\n";
        article.body += lines.text[i];
    }
}

// "Wednesday (Jan 8)" in the lede, in the year the text's dates give.
std::optional<Date> lede_weekday_date(const Lines& lines, std::size_t story_start) {
    if (story_start >= lines.text.size() || !names_weekday(lines.text[story_start])) return std::nullopt;
    for (std::string_view line : lines.text)
        if (auto dates = find_dates(line); !dates.empty())
            return find_weekday_date(lines.text[story_start], dates.front().date.year());
    return std::nullopt;
}

}  // namespace

CleanedArticle clean_scraped_text(std::string_view raw, const ScrapeRules& rules) {
    CleanedArticle result;
    Article& article = result.article;
    std::string text = unwrap_lines(normalise(raw));
    Lines lines = mark_furniture(split_lines(text), rules);

    std::vector<TextBlock> blocks;
    blocks.reserve(lines.text.size());
    for (std::size_t i = 0; i < lines.text.size(); ++i) blocks.push_back({lines.text[i], lines.furniture[i]});
    MainText main = select_main_text(blocks, rules);
    std::pair<std::size_t, std::size_t> story = story_bounds(main);
    // A long headline can pass for a short paragraph: it is still the headline.
    if (story.first < story.second && main.alone[story.first] != BlockClass::good && looks_like_title(lines.text[story.first]))
        ++story.first;

    Header header = read_header(lines, story.first, rules, article);
    if (header.title_line) article.title = lines.text[*header.title_line];
    Bios bios = read_bios(lines, main, story, rules);
    std::optional<Date> update_date = take_body(lines, main, rules, result);
    if (article.body.empty()) take_every_line(lines, header.title_line, result);

    if (article.outlet.empty()) article.outlet = !lines.outlet_mark.empty() ? lines.outlet_mark : bios.outlet;
    if (article.byline.empty()) article.byline = bios.names;
    article.date = header.date ? header.date : update_date;
    if (!article.date) article.date = lede_weekday_date(lines, story.first);
    if (!article.date) article.date = header.any_date;
    return result;
}

}  // namespace dateline::indexer
