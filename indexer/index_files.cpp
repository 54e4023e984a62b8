// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/index_files.hpp"

#include <optional>

#include <fmt/format.h>

#include "indexer/article_extraction.hpp"
#include "indexer/document_builder.hpp"
#include "indexer/input_file.hpp"
#include "shared/analysis.hpp"
#include "shared/schema.hpp"
#include "shared/stable_hash.hpp"
#include "shared/store.hpp"

namespace dateline::indexer {
namespace {

std::string content_hash(std::string_view bytes, InputFormat format, const ManifestEntry* entry,
                         const EntityFinder* entities) {
    StableHash hash;
    hash.add(extraction_version).add(entities ? entities->fingerprint() : "no entities").add(format == InputFormat::jsonl ? "jsonl" : "text").add(std::string_view("\0", 1));
    hash.add(bytes);
    if (entry) hash.add(manifest_fingerprint(*entry));
    return fmt::format("{:016x}", hash.value());
}

class BatchWriter {
public:
    BatchWriter(Xapian::WritableDatabase& db, const std::string& db_path, const IndexingOptions& options,
                IndexingReport& report, RunObserver& observer)
        : db_(db), db_path_(db_path), options_(options), report_(report), observer_(observer) {
        analysis::configure(generator_);
    }

    // Every record of one file. Returns false if the file could not be read.
    bool index_file(const std::string& path, const ManifestEntry* entry, const IndexedSources& known,
                    SeenInputs& seen) {
        std::string problem;
        std::optional<std::string> bytes = read_input_file(path, problem);
        if (!bytes) {
            skip(path, problem, path);
            return false;
        }
        InputFormat format = detect_format(path, *bytes, options_.format);
        // A manifest describes whole files; records carry their own metadata.
        if (format == InputFormat::jsonl) entry = nullptr;
        for (const RawRecord& record : split_records(path, *bytes, format)) {
            seen.keys.insert(record.key);
            auto indexed = known.find(record.key);
            index_record(record, format, entry, indexed == known.end() ? nullptr : &indexed->second);
        }
        return true;
    }

    void commit() {
        if (pending_ == 0) return;
        store::with_database_errors(db_path_, [&] {
            store::stamp_last_update(db_);
            if (options_.entities) {
                db_.set_metadata(std::string(schema::aliases_metadata), options_.entities->aliases().text());
                db_.set_metadata(std::string(schema::titles_metadata), options_.entities->aliases().titles_text());
            }
            db_.commit();
        });
        observer_.committed(pending_);
        pending_ = 0;
    }

private:
    void index_record(const RawRecord& record, InputFormat format, const ManifestEntry* entry,
                      const IndexedSource* known) {
        std::string hash = content_hash(record.bytes, format, entry, options_.entities.get());
        if (known && known->content_hash == hash) {
            ++report_.unchanged;
            observer_.record_done(record.key, FileOutcome::unchanged);
            return;
        }
        ExtractedRecord extracted = extract_article(record, format, entry, options_);
        std::string location = record.line ? fmt::format("{}:{}", file_of_key(record.key), record.line) : record.key;
        for (const std::string& warning : extracted.warnings) warn({location, warning});
        if (!extracted.article) return skip(location, extracted.problem, record.key);
        write(record.key, *extracted.article, hash, known);
    }

    void warn(const InputProblem& problem) {
        report_.problems.push_back(problem);
        observer_.problem(problem);
    }

    void skip(const std::string& location, const std::string& reason, const std::string& key) {
        warn({location, reason + "; skipped"});
        ++report_.skipped;
        observer_.record_done(key, FileOutcome::skipped);
    }

    void write(const std::string& key, const Article& article, const std::string& hash, const IndexedSource* known) {
        std::string id = schema::article_id(article);
        std::string id_term = schema::id_term(id);
        bool replacing = store::with_database_errors(db_path_, [&] {
            // The record's article may now have another id (a URL added in
            // the manifest, say): then its old document must go, not linger.
            if (known && was_indexed_as_other_id(known->document, id)) db_.delete_document(known->document);
            bool exists = db_.term_exists(id_term);
            db_.replace_document(id_term, build_document(article, generator_, hash));
            return exists;
        });
        ++(replacing ? report_.replaced : report_.added);
        observer_.record_done(key, replacing ? FileOutcome::replaced : FileOutcome::added);
        if (++pending_ >= options_.batch_size) commit();
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
    const IndexingOptions& options_;
    IndexingReport& report_;
    RunObserver& observer_;
    Xapian::TermGenerator generator_;
    std::size_t pending_ = 0;
};

}  // namespace

SeenInputs index_files(Xapian::WritableDatabase& db, const std::string& db_path, const Inputs& inputs,
                       const IndexedSources& known, const IndexingOptions& options, IndexingReport& report,
                       RunObserver& observer) {
    BatchWriter writer(db, db_path, options, report, observer);
    SeenInputs seen;
    observer.started(inputs.files.size());
    for (const std::string& path : inputs.files) {
        auto entry = inputs.manifest.by_path.find(path);
        if (!writer.index_file(path, entry == inputs.manifest.by_path.end() ? nullptr : &entry->second, known, seen))
            seen.unread_files.insert(path);
        observer.file_done();
    }
    writer.commit();
    return seen;
}

}  // namespace dateline::indexer
