// SPDX-License-Identifier: GPL-2.0-or-later
// The heart of update and rebuild: each input file read and split into
// records, each record hashed and skipped if the database already holds it
// unchanged, otherwise extracted and written, with a commit after every batch
// of writes.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <unordered_set>

#include <xapian.h>

#include "indexer/ingest/indexed_sources.hpp"
#include "indexer/ingest/indexing_options.hpp"
#include "indexer/ingest/inputs.hpp"
#include "indexer/write/run_observer.hpp"

namespace dateline::indexer {

// What a run saw, so that prune removes only what is really gone.
struct SeenInputs {
    std::unordered_set<std::string> keys;          // every record key read
    std::unordered_set<std::string> unread_files;  // files that could not be read
};

// Writes the records of inputs.files into db (at db_path, for messages),
// counting into report. known is what db held before; records whose hash
// matches are not written. Commits after each batch and at the end, so a run
// killed at any moment leaves db holding whole batches. Xapian errors become
// Error.
SeenInputs index_files(Xapian::WritableDatabase& db, const std::string& db_path, const Inputs& inputs,
                       const IndexedSources& known, const IndexingOptions& options, IndexingReport& report,
                       RunObserver& observer);

}  // namespace dateline::indexer
