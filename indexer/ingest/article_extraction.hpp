// SPDX-License-Identifier: GPL-2.0-or-later
// One record to one finished Article: the format's reader, then what its
// path says (--path-template), then the manifest's metadata over both, then
// its entities. `update`, `rebuild` and
// `extract` all go through here, so what extract prints is what is indexed.
#pragma once

#include <functional>

#include "indexer/ingest/indexing_options.hpp"
#include "indexer/ingest/manifest.hpp"
#include "indexer/ingest/record_runs.hpp"
#include "indexer/ingest/records.hpp"

namespace dateline::indexer {

// entry is the manifest row for the record's file (none for JSON Lines
// records, which carry their own metadata); without one, a row for the URL
// the article turns out to have is used. from_path is what the record's
// file path says (--path-template), read once per file; null without one.
ExtractedRecord extract_article(const RawRecord& record, InputFormat format, const ManifestEntry* entry,
                                const PathFields* from_path, const Manifest& manifest, const IndexingOptions& options);

// The same for a record as reading gave it (item.kind is record), with the
// path template's complaint about its file among its warnings. An
// unexpected exception while reading it (a fault in Dateline that this
// record brought out) makes it a skipped record, not a stopped run.
ExtractedRecord extract_item(const ReadItem& item, const Manifest& manifest, const IndexingOptions& options);

// read(), with any std::exception other than Error (a problem for the whole
// run: rethrown) and std::bad_alloc (rethrown) turned into the record's
// problem, which names it as a fault to report.
ExtractedRecord read_guarded(const std::function<ExtractedRecord()>& read);

}  // namespace dateline::indexer
