// SPDX-License-Identifier: GPL-2.0-or-later
// dateline-index update and rebuild: bring a database up to date with an
// archive, in place (update) or as a new generation switched in atomically
// (rebuild). Both hold the writer lock for the whole run.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "indexer/write/index_files.hpp"
#include "indexer/write/indexing_report.hpp"
#include "indexer/write/run_observer.hpp"

namespace dateline::indexer {

struct UpdateRequest {
    std::string database = {};
    std::vector<std::string> paths = {};      // files and directories of articles
    std::vector<std::string> manifests = {};  // sidecar metadata, JSON Lines or CSV
    std::string path_template = {};          // e.g. "{outlet}/{yyyy}/{mm}/{dd}/*"; empty: none
    std::size_t batch_size = 1000;            // documents written between commits
    unsigned jobs = 0;                        // threads extracting and writing; 0: one a core
    std::string format = "auto";              // input format: auto, text, jsonl, html
    std::vector<std::string> field_map = {};  // JSON Lines "field=key" overrides
    bool prune = false;                       // update: drop articles whose file is gone
    bool entities = true;                     // recognise people, organisations, places
    bool copy_groups = true;                  // group syndicated copies (IndexingOptions::copy_groups)
    std::optional<std::chrono::seconds> wait = {};  // for the writer lock; none: fail at once
};

// Adds new articles, rewrites changed ones (by content hash), leaves
// unchanged ones untouched (no write at all), and with prune removes those
// whose file below one of the paths is gone. Files that cannot be used are
// skipped and reported. Throws Error when nothing can be done: a path or
// manifest that does not exist, a locked or unusable database, a failed write
// (the database then holds what was last committed).
IndexingReport update_database(const UpdateRequest& request, RunObserver& observer);

// The request's indexing options, the entity recogniser loaded when asked for.
IndexingOptions indexing_options(const UpdateRequest& request);
IndexingReport update_database(const UpdateRequest& request);

// Indexes everything into a new generation beside the live one, then makes it
// live and removes the old. Searches keep using the old generation until the
// switch. On failure the new generation is removed and the live one is as it
// was. Throws Error as update_database does.
IndexingReport rebuild_database(const UpdateRequest& request, RunObserver& observer);

}  // namespace dateline::indexer
