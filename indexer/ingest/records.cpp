// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/ingest/records.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "indexer/extract/html_page.hpp"
#include "indexer/extract/scraped_text.hpp"
#include "indexer/extract/text_encoding.hpp"
#include "indexer/ingest/warc.hpp"
#include "shared/dates.hpp"
#include "shared/error.hpp"

namespace dateline::indexer {
namespace {

std::string without_gz(std::string path) {
    if (path.ends_with(".gz")) path.resize(path.size() - 3);
    return path;
}

bool starts_with_json_object(std::string_view bytes) {
    std::size_t first = bytes.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (first == std::string_view::npos || bytes[first] != '{') return false;
    std::string_view line = bytes.substr(first, bytes.find('\n', first) - first);
    return nlohmann::json::accept(line);
}

}  // namespace

InputFormat parse_input_format(std::string_view name) {
    if (name.empty() || name == "auto") return InputFormat::automatic;
    if (name == "text") return InputFormat::text;
    if (name == "jsonl") return InputFormat::jsonl;
    if (name == "html") return InputFormat::html;
    if (name == "warc") return InputFormat::warc;
    throw Error(ErrorKind::usage, fmt::format("unknown input format '{}'", name), "use --format auto, text, jsonl, html or warc");
}

InputFormat detect_format(const std::string& path, std::string_view bytes, InputFormat requested) {
    if (requested != InputFormat::automatic) return requested;
    std::string name = without_gz(path);
    if (name.ends_with(".warc") || looks_like_warc(bytes)) return InputFormat::warc;
    if (name.ends_with(".jsonl") || name.ends_with(".ndjson") || starts_with_json_object(bytes)) return InputFormat::jsonl;
    if (name.ends_with(".html") || name.ends_with(".htm")) return InputFormat::html;
    if (name.ends_with(".txt")) return InputFormat::text;
    return looks_like_html(bytes) ? InputFormat::html : InputFormat::text;
}

ExtractedRecord extract_record(const RawRecord& record, InputFormat format, const ReadingRules& rules,
                               std::string_view url_hint) {
    ExtractedRecord extracted;
    if (!record.problem.empty()) {
        extracted.problem = record.problem;
        return extracted;
    }
    // A whole file may be UTF-16 or UTF-32; a JSON Lines file is read line by
    // line as UTF-8 (its lines are split on the byte '\n').
    std::optional<RepairedText> repaired =
        format != InputFormat::jsonl ? decode_wide_unicode(record.bytes) : std::nullopt;
    if (!record.note.empty()) extracted.notes.push_back(record.note);
    if (repaired) extracted.notes.push_back(repaired->warning);
    else if ((repaired = repair_utf8(record.bytes))) extracted.warnings.push_back(repaired->warning);
    std::string_view text = repaired ? std::string_view(repaired->text) : std::string_view(record.bytes);
    if (format != InputFormat::jsonl) {
        if (text.find('\0') != std::string::npos) {
            extracted.problem = "binary data, not text";
            return extracted;
        }
        const bool page = format == InputFormat::html || format == InputFormat::warc;
        if (format == InputFormat::warc && url_hint.empty()) url_hint = record.url;
        CleanedArticle cleaned = page ? read_html_page(text, url_hint, *rules.scrape)
                                      : clean_scraped_text(text, *rules.scrape);
        // A page needs text; a scrape may be a headline alone (wire briefs are).
        if (cleaned.article.body.empty() && (page || cleaned.article.title.empty())) {
            extracted.problem = text.find_first_not_of(" \t\r\n") == std::string::npos ? "no text in file"
                                : page ? "no article text in the page"
                                       : "no article text found (only site furniture)";
            return extracted;
        }
        // An archived page: the archive's URL and capture date where the page gives none.
        if (cleaned.article.url.empty()) cleaned.article.url = record.url;
        if (!cleaned.article.date && record.date.size() >= 10) cleaned.article.date = parse_iso_date(record.date.substr(0, 10));
        cleaned.article.source = record.key;
        extracted.warnings.insert(extracted.warnings.end(), cleaned.warnings.begin(), cleaned.warnings.end());
        extracted.article = std::move(cleaned.article);
        extracted.credits = std::move(cleaned.credits);
        extracted.removed = std::move(cleaned.removed);
        return extracted;
    }
    nlohmann::json object = nlohmann::json::parse(text, nullptr, false);
    if (object.is_discarded()) {
        extracted.problem = "not valid JSON (a truncated or broken line)";
        return extracted;
    }
    if (!object.is_object()) {
        extracted.problem = "not a JSON object";
        return extracted;
    }
    RecordResult result = article_from_record(object, rules.fields);
    extracted.problem = std::move(result.problem);
    extracted.warnings.insert(extracted.warnings.end(), result.warnings.begin(), result.warnings.end());
    if (result.article) {
        result.article->source = record.key;
        std::string file = std::filesystem::path(file_of_key(record.key)).filename().string();
        if (!result.article->record_id.empty()) result.article->record_id = file + ":" + result.article->record_id;
        extracted.article = std::move(result.article);
    }
    return extracted;
}

std::string file_of_key(const std::string& key) {
    std::size_t hash = key.rfind('#');
    if (hash == std::string::npos || hash + 1 == key.size() ||
        key.find_first_not_of("0123456789", hash + 1) != std::string::npos)
        return key;
    return key.substr(0, hash);
}

}  // namespace dateline::indexer
