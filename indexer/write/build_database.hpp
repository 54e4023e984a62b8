// SPDX-License-Identifier: GPL-2.0-or-later
// rebuild's writing, on every core: the inputs' runs (record_runs) written
// side by side, each into a small database of its own, then merged in input
// order into one compact database by Xapian's compaction. Small databases
// keep Xapian's cost of a write flat however large the archive (a write
// into a large B-tree costs more), the threads share nothing but the
// reader, and the merge writes each posting list once, in order.
#pragma once

#include <string>

#include "indexer/ingest/indexing_options.hpp"
#include "indexer/ingest/inputs.hpp"
#include "indexer/write/indexing_report.hpp"
#include "indexer/write/run_observer.hpp"

namespace dateline::indexer {

// Builds a new database at output (which must not exist) from inputs, with
// work_dir (created, then removed) for the runs' databases. Documents get the
// ids a single writer in input order would give, but that an article given
// twice keeps its first place with its last text and the ids after it are
// one higher each time. The database is stamped, committed and closed; the
// report counts as update's would. previous_path is the database's live
// generation ("" for none): an article it holds keeps the commit that first
// added it (schema::added). Throws Error; work_dir is removed either way,
// output is left for the caller to remove on failure.
void build_database(const std::string& output, const std::string& work_dir, const std::string& previous_path,
                    const Inputs& inputs, const IndexingOptions& options, IndexingReport& report,
                    RunObserver& observer);

}  // namespace dateline::indexer
