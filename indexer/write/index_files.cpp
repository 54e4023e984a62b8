// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/write/index_files.hpp"

#include <optional>

#include <fmt/format.h>

#include "indexer/write/document_builder.hpp"
#include "indexer/ingest/prepared_records.hpp"
#include "shared/analysis.hpp"
#include "shared/schema.hpp"
#include "shared/store.hpp"

namespace dateline::indexer {
namespace {

// The writing half: Xapian fed in input order, a commit after every batch.
class BatchWriter {
public:
    BatchWriter(Xapian::WritableDatabase& db, const std::string& db_path, const IndexingOptions& options,
                IndexingReport& report, RunObserver& observer)
        : db_(db), db_path_(db_path), options_(options), report_(report), observer_(observer) {
        analysis::configure(generator_);
    }

    void take(PreparedRecord& record) {
        switch (record.kind) {
        case PreparedRecord::Kind::unchanged:
            ++report_.unchanged;
            observer_.record_done(record.key, FileOutcome::unchanged);
            return;
        case PreparedRecord::Kind::file_unreadable: return skip(record.location, record.problem, record.key);
        case PreparedRecord::Kind::file_done: return;
        case PreparedRecord::Kind::record: break;
        }
        ExtractedRecord& extracted = record.extracted;
        for (const std::string& warning : extracted.warnings) warn({record.location, warning});
        if (!extracted.article) return skip(record.location, extracted.problem, record.key);
        write(record.key, *extracted.article, record.hash, record.known);
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
    RecordPreparer preparer(inputs, known, options);
    while (std::optional<PreparedRecord> record = preparer.next()) {
        if (record->kind == PreparedRecord::Kind::file_done) observer.file_done();
        else if (record->kind == PreparedRecord::Kind::file_unreadable) seen.unread_files.insert(record->key);
        else seen.keys.insert(record->key);
        writer.take(*record);
    }
    writer.commit();
    return seen;
}

}  // namespace dateline::indexer
