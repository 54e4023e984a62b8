// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/ingest/article_extraction.hpp"

#include <algorithm>
#include <new>

#include <fmt/format.h>

#include "shared/error.hpp"

namespace dateline::indexer {

namespace {

// A folder named "harbour-courier" is the outlet the table calls "The Harbour
// Courier", if it knows it; else the name stays as the folder has it.
std::string outlet_of_folder(const std::string& folder, const OutletNames& outlets) {
    if (auto known = outlets.find(folder)) return *known;
    std::string spaced = folder;
    std::ranges::replace(spaced, '-', ' ');
    std::ranges::replace(spaced, '_', ' ');
    return outlets.find(spaced).value_or(folder);
}

// The path's metadata over the document's; for JSON Lines records and
// archived pages, which carry their own, only where the record says nothing.
void apply_path_fields(const PathFields& fields, InputFormat format, const OutletNames& outlets, Article& article) {
    bool over = format != InputFormat::jsonl && format != InputFormat::warc;
    if (fields.outlet && (over || article.outlet.empty())) article.outlet = outlet_of_folder(*fields.outlet, outlets);
    if (fields.date && (over || !article.date)) article.date = fields.date;
}

}  // namespace

ExtractedRecord extract_article(const RawRecord& record, InputFormat format, const ManifestEntry* entry,
                                const PathFields* from_path, const Manifest& manifest, const IndexingOptions& options) {
    ExtractedRecord extracted = extract_record(record, format, options.reading, entry && entry->url ? *entry->url : std::string());
    if (!extracted.article) return extracted;
    Article& article = *extracted.article;
    const OutletNames& outlets = options.reading.scrape->outlets();
    if (from_path) apply_path_fields(*from_path, format, outlets, article);
    if (!entry) entry = manifest.for_url(article.url);
    if (entry) apply_manifest_entry(*entry, article);
    article.outlet = outlets.canonical(article.outlet);
    if (options.entities) article.entities = options.entities->find(article.title, article.body);
    return extracted;
}

ExtractedRecord extract_item(const ReadItem& item, const Manifest& manifest, const IndexingOptions& options) {
    const FileContext& file = *item.file;
    ExtractedRecord extracted = read_guarded([&] {
        return extract_article(item.raw, file.format, file.entry, file.from_path ? &*file.from_path : nullptr,
                               manifest, options);
    });
    if (!item.path_problem.empty()) extracted.warnings.push_back(item.path_problem);
    return extracted;
}

ExtractedRecord read_guarded(const std::function<ExtractedRecord()>& read) {
    try {
        return read();
    } catch (const Error&) {
        throw;
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception& e) {
        ExtractedRecord failed;
        failed.problem = fmt::format("Dateline failed reading this record ({}); please report it with the record", e.what());
        return failed;
    }
}

}  // namespace dateline::indexer
