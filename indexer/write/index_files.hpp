// SPDX-License-Identifier: GPL-2.0-or-later
// update's writing: the inputs read and extracted on every core
// (record_runs, ordered_pool), each record hashed and skipped if the
// database already holds it unchanged, otherwise written in place, in input
// order, by this thread, with a commit after every batch of writes.
#pragma once

#include <string>

#include <xapian.h>

#include "indexer/ingest/indexed_sources.hpp"
#include "indexer/ingest/indexing_options.hpp"
#include "indexer/ingest/inputs.hpp"
#include "indexer/write/run_report.hpp"

namespace dateline::indexer {

// Writes the records of inputs.files into db (at db_path, for messages),
// counting into report. known is what db held before; records whose hash
// matches are not written. options.jobs threads extract while this one
// writes. Commits after each batch and at the end, so a run killed at any
// moment leaves db holding whole batches. Xapian errors become Error.
SeenInputs index_files(Xapian::WritableDatabase& db, const std::string& db_path, const Inputs& inputs,
                       const IndexedSources& known, const IndexingOptions& options, IndexingReport& report,
                       RunObserver& observer);

// Stamps the run's last update and the entity data the documents were made
// with (so the searcher folds names as they were folded), then commits.
void commit_with_stamp(Xapian::WritableDatabase& db, const std::string& db_path, const IndexingOptions& options);

}  // namespace dateline::indexer
