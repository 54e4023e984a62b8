// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/ingest/archive_walk.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "shared/error.hpp"

namespace dateline::indexer {
namespace fs = std::filesystem;
namespace {

// *.txt and *.html / *.htm (one article) and *.jsonl / *.ndjson (one per line), each perhaps .gz.
bool is_article_file(const fs::directory_entry& entry) {
    std::error_code ignored;
    if (!entry.is_regular_file(ignored)) return false;
    std::string name = entry.path().filename().string();
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (name.ends_with(".gz")) name.resize(name.size() - 3);
    return name.ends_with(".txt") || name.ends_with(".html") || name.ends_with(".htm") || name.ends_with(".jsonl") ||
           name.ends_with(".ndjson");
}

// Recurses by hand rather than with recursive_directory_iterator, which stops
// at the first unreadable sub-directory: one bad folder is reported and its
// siblings are still indexed.
void walk_directory(const fs::path& directory, std::vector<std::string>& files,
                    std::vector<InputProblem>& problems) {
    std::error_code error;
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator it(directory, error), end; !error && it != end; it.increment(error))
        entries.push_back(*it);
    if (error) {
        problems.push_back({directory.string(), "cannot read directory: " + error.message()});
        return;
    }
    for (const fs::directory_entry& entry : entries) {
        std::error_code ignored;
        // Symbolic links to directories are not followed (as find does not),
        // so a link loop cannot make the walk endless.
        if (entry.is_directory(ignored) && !entry.is_symlink(ignored))
            walk_directory(entry.path(), files, problems);
        else if (is_article_file(entry)) files.push_back(entry.path().lexically_normal().string());
    }
}

}  // namespace

ArchiveFiles find_article_files(const std::vector<std::string>& paths) {
    ArchiveFiles found;
    for (const std::string& given : paths) {
        std::error_code error;
        fs::path path = fs::absolute(given, error).lexically_normal();
        fs::file_status status = fs::status(path, error);
        if (error || !fs::exists(status))
            throw Error(ErrorKind::input, fmt::format("no such file or directory: {}", given),
                        "check the path; nothing was indexed");
        if (!fs::is_directory(status)) {
            found.files.push_back(path.string());
            continue;
        }
        std::vector<std::string> files;
        walk_directory(path, files, found.problems);
        std::sort(files.begin(), files.end());
        found.files.insert(found.files.end(), files.begin(), files.end());
    }
    return found;
}

}  // namespace dateline::indexer
