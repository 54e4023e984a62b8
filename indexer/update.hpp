// SPDX-License-Identifier: GPL-2.0-or-later
// dateline-index update: read the archive, extract each article, and add it to
// the database or replace the copy already there (same article id).
#pragma once

#include <string>
#include <vector>

#include "indexer/indexing_report.hpp"

namespace dateline::indexer {

struct UpdateRequest {
    std::string database;
    std::vector<std::string> paths;      // files and directories of articles
    std::vector<std::string> manifests;  // JSON Lines sidecar metadata
};

// Files that cannot be read or hold no text are skipped and reported; the rest
// are indexed and committed. Throws Error when nothing can be done: a path or
// manifest that does not exist, a database that cannot be opened or written.
IndexingReport update_database(const UpdateRequest& request);

}  // namespace dateline::indexer
