// SPDX-License-Identifier: GPL-2.0-or-later
// The heart of update and rebuild: each input file read, hashed, skipped if
// the database already holds it unchanged, otherwise extracted and written,
// with a commit after every batch of writes.
#pragma once

#include <cstddef>
#include <string>

#include <xapian.h>

#include "indexer/indexed_sources.hpp"
#include "indexer/inputs.hpp"
#include "indexer/run_observer.hpp"

namespace dateline::indexer {

// Bump when extraction changes what it makes of the same bytes: every
// article's content hash changes with it, so the next update rewrites all.
inline constexpr std::string_view extraction_version = "plain-text/1";

struct BatchPolicy {
    std::size_t batch_size = 1000;  // documents written between commits
};

// Writes inputs.files into db (at db_path, for messages), counting into
// report. known is what db held before; files whose hash matches are not
// written. Commits after each batch and at the end, so a run killed at any
// moment leaves db holding whole batches. Xapian errors become Error.
void index_files(Xapian::WritableDatabase& db, const std::string& db_path, const Inputs& inputs,
                 const IndexedSources& known, BatchPolicy policy, IndexingReport& report, RunObserver& observer);

}  // namespace dateline::indexer
