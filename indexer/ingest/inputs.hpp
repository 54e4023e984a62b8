// SPDX-License-Identifier: GPL-2.0-or-later
// Everything a run reads before it touches the database: the article files
// and the merged manifests, with what was wrong with them.
#pragma once

#include <string>
#include <vector>

#include "indexer/ingest/manifest.hpp"

namespace dateline::indexer {

struct Inputs {
    std::vector<std::string> roots;   // the paths given, absolute and normalised
    std::vector<std::string> files;   // article files, in indexing order
    Manifest manifest;                // later manifests win for the same file
    std::vector<InputProblem> problems;
};

// Throws Error (input) for a path or manifest that does not exist. Manifest
// rows naming files that do not exist are problems, not errors.
Inputs gather_inputs(const std::vector<std::string>& paths, const std::vector<std::string>& manifests);

// True when path is one of roots or lies below one of them.
bool is_under(const std::string& path, const std::vector<std::string>& roots);

}  // namespace dateline::indexer
