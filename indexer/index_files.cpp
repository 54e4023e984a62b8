// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/index_files.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>

#include <fmt/format.h>

#include "indexer/document_builder.hpp"
#include "indexer/extract/plain_text.hpp"
#include "shared/analysis.hpp"
#include "shared/schema.hpp"
#include "shared/stable_hash.hpp"
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

std::string content_hash(std::string_view bytes, const ManifestEntry* entry) {
    StableHash hash;
    hash.add(extraction_version).add(std::string_view("\0", 1)).add(bytes);
    if (entry) hash.add(manifest_fingerprint(*entry));
    return fmt::format("{:016x}", hash.value());
}

class BatchWriter {
public:
    BatchWriter(Xapian::WritableDatabase& db, const std::string& db_path, BatchPolicy policy,
                IndexingReport& report, RunObserver& observer)
        : db_(db), db_path_(db_path), policy_(policy), report_(report), observer_(observer) {
        analysis::configure(generator_);
    }

    void index(const std::string& path, const ManifestEntry* entry, const IndexedSource* known) {
        std::string problem;
        std::optional<std::string> bytes = read_file(path, problem);
        if (!bytes) return skip(path, problem);
        std::string hash = content_hash(*bytes, entry);
        if (known && known->content_hash == hash) {
            ++report_.unchanged;
            observer_.file_done(path, FileOutcome::unchanged);
            return;
        }
        Article article = extract_plain_text(*bytes);
        if (article.title.empty()) return skip(path, "no text in file");
        article.source = path;
        if (entry) apply_manifest_entry(*entry, article);
        write(path, article, hash, known);
    }

    void commit() {
        if (pending_ == 0) return;
        store::with_database_errors(db_path_, [&] {
            store::stamp_last_update(db_);
            db_.commit();
        });
        observer_.committed(pending_);
        pending_ = 0;
    }

private:
    void skip(const std::string& path, const std::string& reason) {
        InputProblem problem{path, reason + "; skipped"};
        report_.problems.push_back(problem);
        observer_.problem(problem);
        ++report_.skipped;
        observer_.file_done(path, FileOutcome::skipped);
    }

    void write(const std::string& path, const Article& article, const std::string& hash, const IndexedSource* known) {
        std::string id = schema::article_id(article);
        std::string id_term = schema::id_term(id);
        bool replacing = store::with_database_errors(db_path_, [&] {
            // The file's article may now have another id (a URL added in the
            // manifest, say): then its old document must go, not linger.
            if (known && was_indexed_as_other_id(known->document, id)) db_.delete_document(known->document);
            bool exists = db_.term_exists(id_term);
            db_.replace_document(id_term, build_document(article, generator_, hash));
            return exists;
        });
        ++(replacing ? report_.replaced : report_.added);
        observer_.file_done(path, replacing ? FileOutcome::replaced : FileOutcome::added);
        if (++pending_ >= policy_.batch_size) commit();
    }

    bool was_indexed_as_other_id(Xapian::docid document, const std::string& id) {
        try {
            return schema::stored_article_id(db_.get_document(document)) != id;
        } catch (const Xapian::DocNotFoundError&) {
            return false;  // already replaced earlier in this run
        }
    }

    Xapian::WritableDatabase& db_;
    const std::string& db_path_;
    BatchPolicy policy_;
    IndexingReport& report_;
    RunObserver& observer_;
    Xapian::TermGenerator generator_;
    std::size_t pending_ = 0;
};

}  // namespace

void index_files(Xapian::WritableDatabase& db, const std::string& db_path, const Inputs& inputs,
                 const IndexedSources& known, BatchPolicy policy, IndexingReport& report, RunObserver& observer) {
    BatchWriter writer(db, db_path, policy, report, observer);
    observer.started(inputs.files.size());
    for (const std::string& path : inputs.files) {
        auto entry = inputs.manifest.by_path.find(path);
        auto indexed = known.find(path);
        writer.index(path, entry == inputs.manifest.by_path.end() ? nullptr : &entry->second,
                     indexed == known.end() ? nullptr : &indexed->second);
    }
    writer.commit();
}

}  // namespace dateline::indexer
