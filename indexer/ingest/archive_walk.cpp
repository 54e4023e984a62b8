// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/ingest/archive_walk.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "shared/error.hpp"

namespace dateline::indexer {
namespace fs = std::filesystem;
namespace {

// *.txt and *.html / *.htm (one article), *.jsonl / *.ndjson (one per line)
// and *.warc (one per archived page), each perhaps .gz.
bool has_article_name(const fs::path& path) {
    std::string name = path.filename().string();
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (name.ends_with(".gz")) name.resize(name.size() - 3);
    return name.ends_with(".txt") || name.ends_with(".html") || name.ends_with(".htm") || name.ends_with(".jsonl") ||
           name.ends_with(".ndjson") || name.ends_with(".warc");
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
        const std::string path = entry.path().lexically_normal().string();
        // What a link points at (a stat); any other entry's type came with
        // the folder's listing.
        bool link = entry.is_symlink(ignored);
        fs::file_status target = link ? entry.status(ignored) : entry.symlink_status(ignored);
        if (link) {
            if (!fs::exists(target)) {
                if (has_article_name(entry.path()))
                    problems.push_back({path, "a symbolic link to nothing (its target does not exist); skipped"});
                continue;
            }
            // Links to folders are not followed (as find does not), so a link
            // loop cannot make the walk endless, nor a file be read twice.
            if (fs::is_directory(target)) {
                fs::path resolved = fs::canonical(entry.path(), ignored);
                fs::path here = fs::canonical(directory, ignored);
                bool loop = !resolved.empty() && (here == resolved || here.string().starts_with(resolved.string() + "/"));
                problems.push_back({path, loop ? "a symbolic link to a folder that holds it (a loop); not followed"
                                               : "a symbolic link to a folder; not followed (give the folder itself "
                                                 "to index it)"});
                continue;
            }
        }
        if (fs::is_directory(target)) {
            walk_directory(entry.path(), files, problems);
        } else if (has_article_name(entry.path())) {
            if (fs::is_regular_file(target)) files.push_back(path);
            else problems.push_back({path, "not a regular file (a FIFO, socket or device); skipped"});
        }
    }
}

// Each file once: a link to a file (or a second hard link) found after the
// file itself is named and left out, so no article is read twice.
void drop_repeated_files(ArchiveFiles& found) {
    std::map<std::pair<dev_t, ino_t>, std::string> first_path;
    std::vector<std::string> kept;
    for (std::string& path : found.files) {
        struct stat info {};
        if (::stat(path.c_str(), &info) == 0) {
            auto [first, inserted] = first_path.try_emplace({info.st_dev, info.st_ino}, path);
            if (!inserted) {
                found.problems.push_back({path, fmt::format("the same file as {} (a link); read once", first->second)});
                continue;
            }
        }
        kept.push_back(std::move(path));
    }
    found.files = std::move(kept);
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
            // A FIFO or a device would block or never end: named, not read.
            if (fs::is_regular_file(status)) found.files.push_back(path.string());
            else found.problems.push_back({path.string(), "not a regular file (a FIFO, socket or device); skipped"});
            continue;
        }
        std::vector<std::string> files;
        walk_directory(path, files, found.problems);
        std::sort(files.begin(), files.end());
        found.files.insert(found.files.end(), files.begin(), files.end());
    }
    drop_repeated_files(found);
    return found;
}

}  // namespace dateline::indexer
