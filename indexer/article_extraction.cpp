// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/article_extraction.hpp"

namespace dateline::indexer {

ExtractedRecord extract_article(const RawRecord& record, InputFormat format, const ManifestEntry* entry,
                                const IndexingOptions& options) {
    ExtractedRecord extracted = extract_record(record, format, options.reading, entry && entry->url ? *entry->url : std::string());
    if (!extracted.article) return extracted;
    Article& article = *extracted.article;
    if (entry) apply_manifest_entry(*entry, article);
    article.outlet = options.reading.scrape->outlets().canonical(article.outlet);
    if (options.entities) article.entities = options.entities->find(article.title, article.body);
    return extracted;
}

}  // namespace dateline::indexer
