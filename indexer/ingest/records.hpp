// SPDX-License-Identifier: GPL-2.0-or-later
// Records, the unit of input: a plain-text or HTML file is one article; a
// JSON Lines file is one article per line (file_records.hpp reads them).
// Reading is cheap and comes first, so that a record whose bytes are
// unchanged can be skipped before any extraction.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/extract/json_record.hpp"
#include "indexer/extract/scrape_rules.hpp"

namespace dateline::indexer {

enum class InputFormat { automatic, text, jsonl, html, warc };

// "auto", "text", "jsonl", "html", "warc"; throws Error (usage) for anything else.
InputFormat parse_input_format(std::string_view name);

// requested, unless automatic: then JSON Lines for *.jsonl and *.ndjson
// (gzipped or not) and for content whose first line is a JSON object; HTML
// for *.html and *.htm and for content that starts as an HTML document;
// WARC for *.warc and content that starts "WARC/1."; plain text otherwise.
InputFormat detect_format(const std::string& path, std::string_view bytes, InputFormat requested);

struct RawRecord {
    std::string key = {};      // "path" for a whole file, "path#N" for line N
    std::string bytes = {};    // what the article is made from
    std::size_t line = 0;      // 1-based line for JSON Lines, 0 for a whole file
    std::string problem = {};  // why it cannot be an article (too large), else ""
    std::string note = {};     // for --verbose: how its file was read ("read as UTF-16 LE")
    // A page from a web archive (WARC): its URL and capture date (the date
    // when the page gives none), and where it is, for messages.
    std::string url = {};
    std::string date = {};
    std::string location = {};
};

struct ExtractedRecord {
    std::optional<Article> article;     // nullopt: skipped, problem says why
    std::string problem;
    std::vector<std::string> warnings;  // indexed, but something was not understood or was repaired
    std::vector<std::string> notes;     // done as it should be, worth saying in --verbose (an encoding read)
    std::vector<std::string> credits;   // wire services credited in the dateline
    std::vector<std::string> removed;   // furniture left out of the text, for audit
};

// One article (a text or HTML file, a JSON Lines record, a page in a web
// archive) larger than this
// is not an article but a dump or a mistake: skipped with a warning.
constexpr std::size_t max_article_bytes = 16'000'000;

// What the readers need besides the bytes.
struct ReadingRules {
    FieldMap fields = default_field_map();  // JSON Lines keys
    std::shared_ptr<const ScrapeRules> scrape = std::make_shared<const ScrapeRules>();  // loaded by the caller
};

// The article in one record, with source (and, for JSON Lines, record id
// qualified by the file's name) set. Bytes that are not valid UTF-8 are
// repaired (text_encoding.hpp) with a warning. url_hint is the URL a
// manifest gives for the record, or "" (HTML pages read dates from it).
ExtractedRecord extract_record(const RawRecord& record, InputFormat format, const ReadingRules& rules,
                               std::string_view url_hint = {});

// The file a record key belongs to ("a.jsonl#12" -> "a.jsonl").
std::string file_of_key(const std::string& key);

}  // namespace dateline::indexer
