// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/ingest/inputs.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "indexer/ingest/archive_walk.hpp"

namespace dateline::indexer {
namespace fs = std::filesystem;

Inputs gather_inputs(const std::vector<std::string>& paths, const std::vector<std::string>& manifests) {
    Inputs inputs;
    ArchiveFiles archive = find_article_files(paths);
    inputs.files = std::move(archive.files);
    inputs.problems = std::move(archive.problems);
    for (const std::string& path : paths) inputs.roots.push_back(fs::absolute(path).lexically_normal().string());
    // A manifest kept beside the articles is metadata, not an article file.
    for (const std::string& path : manifests)
        std::erase(inputs.files, fs::absolute(path).lexically_normal().string());
    for (const std::string& path : manifests) {
        Manifest one = read_manifest(path);
        for (auto& [article, entry] : one.by_path) inputs.manifest.by_path[article] = std::move(entry);
        for (auto& [url, entry] : one.by_url) inputs.manifest.by_url[url] = std::move(entry);
        inputs.problems.insert(inputs.problems.end(), one.problems.begin(), one.problems.end());
    }
    for (const auto& [article, entry] : inputs.manifest.by_path) {
        std::error_code ignored;
        if (!fs::exists(article, ignored))
            inputs.problems.push_back({entry.location, fmt::format("no such article file: {}", article)});
    }
    return inputs;
}

bool is_under(const std::string& path, const std::vector<std::string>& roots) {
    for (const std::string& root : roots) {
        if (path == root) return true;
        std::string folder = root.ends_with('/') ? root : root + '/';
        if (path.starts_with(folder)) return true;
    }
    return false;
}

}  // namespace dateline::indexer
