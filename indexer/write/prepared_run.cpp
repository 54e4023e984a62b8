// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/write/prepared_run.hpp"

#include "indexer/ingest/article_extraction.hpp"
#include "indexer/write/document_builder.hpp"
#include "shared/analysis.hpp"
#include "shared/schema.hpp"

namespace dateline::indexer {
namespace {

// Building one is not free, and Xapian's objects are not for sharing across
// threads: one a thread.
Xapian::TermGenerator& thread_generator() {
    thread_local Xapian::TermGenerator generator = [] {
        Xapian::TermGenerator made;
        analysis::configure(made);
        return made;
    }();
    return generator;
}

}  // namespace

PreparedRecord prepare_record(const ReadItem& item, const Manifest& manifest, const IndexingOptions& options) {
    PreparedRecord prepared;
    prepared.extracted = extract_item(item, manifest, options);
    if (const std::optional<Article>& article = prepared.extracted.article) {
        prepared.is_article = true;
        prepared.id = schema::article_id(*article);
        prepared.document = build_document(*article, thread_generator(), schema::content_hash_value(item.hash));
        prepared.extracted.article.reset();  // in the document now
    }
    return prepared;
}

PreparedRun prepare_run(Run run, const Manifest& manifest, const IndexingOptions& options) {
    PreparedRun prepared;
    prepared.records.resize(run.items.size());
    for (std::size_t i = 0; i < run.items.size(); ++i)
        if (run.items[i].kind == ReadItem::Kind::record) prepared.records[i] = prepare_record(run.items[i], manifest, options);
    prepared.run = std::move(run);
    return prepared;
}

}  // namespace dateline::indexer
