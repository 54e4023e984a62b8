// SPDX-License-Identifier: GPL-2.0-or-later
// Manifests: sidecar metadata for articles, as JSON Lines. One object a line:
//   {"path": "courier/2024-01-05-port.txt", "url": "...", "outlet": "...",
//    "date": "2024-01-05", "byline": ["..."], "title": "..."}
// "path" is relative to the manifest's folder; every other key is optional.
// What a manifest says wins over what is read from the article itself.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "indexer/indexing_report.hpp"
#include "shared/article.hpp"

namespace dateline::indexer {

struct ManifestEntry {
    std::string location;  // "manifest.jsonl:12", for messages
    std::optional<std::string> title;
    std::optional<std::string> outlet;
    std::optional<Date> date;
    std::optional<std::vector<std::string>> byline;
    std::optional<std::string> url;
};

struct Manifest {
    std::map<std::string, ManifestEntry> by_path;  // absolute, normalised article path
    std::vector<InputProblem> problems;            // lines that could not be used
};

// Reads one manifest. A line that is not a JSON object, lacks "path" or has a
// value of the wrong type is reported in problems and the rest is read; a file
// that cannot be opened throws Error (input).
Manifest read_manifest(const std::string& manifest_path);

// Overwrites the article's fields with every field the entry gives.
void apply_manifest_entry(const ManifestEntry& entry, Article& article);

// Everything the entry says, as one string: part of an article's content
// hash, so editing the manifest re-indexes the article.
std::string manifest_fingerprint(const ManifestEntry& entry);

}  // namespace dateline::indexer
