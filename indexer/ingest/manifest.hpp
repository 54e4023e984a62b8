// SPDX-License-Identifier: GPL-2.0-or-later
// Manifests: sidecar metadata for articles, as JSON Lines or CSV. A row names
// its article by "path" (relative to the manifest's folder) or by "url", then
// gives any of title, outlet, date (YYYY-MM-DD), byline and url:
//   {"path": "courier/2024-01-05-port.txt", "outlet": "...", "byline": ["..."]}
//   path,outlet,date,byline            <- CSV: a header row, then one row an article
//   courier/a.txt,The Harbour Courier,2024-01-05,Noor Aziz; Pieter de Wit
// A byline given as one string separates names with ";". Empty CSV cells say
// nothing. What a manifest says wins over what is read from the article itself.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "indexer/ingest/input_problem.hpp"
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
    std::map<std::string, ManifestEntry> by_url;   // rows that name their article by URL only
    std::vector<InputProblem> problems;            // rows that could not be used

    // The row for a whole-file article (text or HTML): by its path, else by
    // the URL the article turned out to have. Null when there is none.
    const ManifestEntry* for_file(const std::string& path) const;
    const ManifestEntry* for_url(const std::string& url) const;
    // Everything the URL rows say: part of every article's content hash,
    // since any article may turn out to have one of those URLs.
    std::string url_rows_fingerprint() const;
};

// Reads one manifest: CSV when its name ends in .csv, JSON Lines otherwise. A
// row that is not usable (broken JSON, neither path nor url, a bad date, a
// value of the wrong type) is reported in problems with its line and the rest
// is read; a file that cannot be opened throws Error (input), and so does a
// CSV file without a path or url column.
Manifest read_manifest(const std::string& manifest_path);

// Overwrites the article's fields with every field the entry gives.
void apply_manifest_entry(const ManifestEntry& entry, Article& article);

// Everything the entry says, as one string: part of an article's content
// hash, so editing the manifest re-indexes the article.
std::string manifest_fingerprint(const ManifestEntry& entry);

}  // namespace dateline::indexer
