// SPDX-License-Identifier: GPL-2.0-or-later
// A run of records made ready to write, on whichever thread takes it:
// each record extracted (entities included) and, when it is an article,
// made into its Xapian document with its id.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "indexer/ingest/record_runs.hpp"

namespace dateline::indexer {

struct PreparedRecord {
    ExtractedRecord extracted;  // warnings, and why not when it is no article
    bool is_article = false;
    std::optional<Xapian::Document> document;  // until written
    std::string id;             // the article's id (schema::article_id)
    bool replaced = false;      // once written: it replaced a document of that id
};

struct PreparedRun {
    Run run;
    std::vector<PreparedRecord> records;  // one per item of run; filled for records only
};

// The record as it will be written. Uses a term generator of the calling
// thread's own.
PreparedRecord prepare_record(const ReadItem& item, const Manifest& manifest, const IndexingOptions& options);

PreparedRun prepare_run(Run run, const Manifest& manifest, const IndexingOptions& options);

}  // namespace dateline::indexer
