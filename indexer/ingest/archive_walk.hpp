// SPDX-License-Identifier: GPL-2.0-or-later
// Finding the article files named on the command line: files as given, and
// directories walked recursively in sorted order for *.txt, *.jsonl and
// *.ndjson files (each perhaps gzipped), so every run sees the same files in
// the same order.
#pragma once

#include <string>
#include <vector>

#include "indexer/ingest/input_problem.hpp"

namespace dateline::indexer {

struct ArchiveFiles {
    std::vector<std::string> files;       // absolute, normalised paths
    std::vector<InputProblem> problems;   // folders that could not be read; links not followed; FIFOs, devices
};

// Throws Error (input) when a path given does not exist: a mistyped path must
// not quietly index nothing.
ArchiveFiles find_article_files(const std::vector<std::string>& paths);

}  // namespace dateline::indexer
