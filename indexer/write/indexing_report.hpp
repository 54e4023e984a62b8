// SPDX-License-Identifier: GPL-2.0-or-later
// What an indexing run did: counts for the summary line and every input it had
// to skip or doubt, with where (file, and line when there is one) and why.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "indexer/ingest/input_problem.hpp"

namespace dateline::indexer {

struct IndexingReport {
    std::size_t added = 0;      // articles new to the database
    std::size_t replaced = 0;   // articles whose input changed, written again
    std::size_t unchanged = 0;  // articles whose input had not changed: not written
    std::size_t skipped = 0;    // input files that could not be indexed
    std::size_t pruned = 0;     // articles removed because their file is gone
    std::size_t documents_in_database = 0;
    std::string generation;     // the live generation at the end
    std::vector<InputProblem> problems;  // skipped files and other warnings

    // Anything reported means the user should look: the run was partial.
    bool is_partial() const { return !problems.empty(); }
};

}  // namespace dateline::indexer
