// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/update.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "indexer/archive_walk.hpp"
#include "indexer/document_builder.hpp"
#include "indexer/extract/plain_text.hpp"
#include "indexer/manifest.hpp"
#include "shared/analysis.hpp"
#include "shared/schema.hpp"
#include "shared/store.hpp"

namespace dateline::indexer {
namespace {

// The file's bytes, or nullopt with the reason (the system's word for it) in
// problem.
std::optional<std::string> read_file(const std::string& path, std::string& problem) {
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    if (in) bytes << in.rdbuf();
    if (!in || in.bad()) {
        problem = errno ? fmt::format("cannot read file: {}", std::strerror(errno)) : "cannot read file";
        return std::nullopt;
    }
    return std::move(bytes).str();
}

Manifest merge_manifests(const std::vector<std::string>& paths) {
    Manifest merged;
    for (const std::string& path : paths) {
        Manifest one = read_manifest(path);
        for (auto& [article_path, entry] : one.by_path) merged.by_path[article_path] = std::move(entry);
        merged.problems.insert(merged.problems.end(), one.problems.begin(), one.problems.end());
    }
    return merged;
}

// Manifest rows naming a file that does not exist are mistakes worth a warning;
// rows for files that exist but were not named on this run are fine.
void report_missing_manifest_files(const Manifest& manifest, const std::set<std::string>& used,
                                   IndexingReport& report) {
    for (const auto& [path, entry] : manifest.by_path) {
        std::error_code ignored;
        if (!used.contains(path) && !std::filesystem::exists(path, ignored))
            report.problems.push_back({entry.location, fmt::format("no such article file: {}", path)});
    }
}

}  // namespace

IndexingReport update_database(const UpdateRequest& request) {
    IndexingReport report;
    ArchiveFiles archive = find_article_files(request.paths);
    report.problems = archive.problems;
    Manifest manifest = merge_manifests(request.manifests);
    report.problems.insert(report.problems.end(), manifest.problems.begin(), manifest.problems.end());

    Xapian::WritableDatabase db = store::open_for_update(request.database);
    Xapian::TermGenerator generator;
    analysis::configure(generator);
    std::set<std::string> used_manifest_paths;

    for (const std::string& path : archive.files) {
        std::string problem;
        std::optional<std::string> text = read_file(path, problem);
        Article article = text ? extract_plain_text(*text) : Article{};
        if (text && article.title.empty()) problem = "no text in file";
        if (!problem.empty()) {
            report.problems.push_back({path, problem + "; skipped"});
            ++report.skipped;
            continue;
        }
        article.source = path;
        if (auto entry = manifest.by_path.find(path); entry != manifest.by_path.end()) {
            apply_manifest_entry(entry->second, article);
            used_manifest_paths.insert(path);
        }
        std::string id_term = schema::id_term(schema::article_id(article));
        store::with_database_errors(request.database, [&] {
            ++(db.term_exists(id_term) ? report.replaced : report.added);
            db.replace_document(id_term, build_document(article, generator));
        });
    }
    report_missing_manifest_files(manifest, used_manifest_paths, report);

    store::with_database_errors(request.database, [&] {
        db.commit();
        report.documents_in_database = db.get_doccount();
    });
    return report;
}

}  // namespace dateline::indexer
