// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/write/index_files.hpp"

#include <set>
#include <utility>
#include <vector>

#include "indexer/ingest/ordered_pool.hpp"
#include "indexer/ingest/record_runs.hpp"
#include "indexer/write/article_sources.hpp"
#include "indexer/write/prepared_run.hpp"
#include "shared/schema.hpp"
#include "shared/store.hpp"
#include "shared/stored_data.hpp"

namespace dateline::indexer {
namespace {

// Runs for a writer in place: small, so that the documents made ahead of the
// writer stay few.
constexpr RunLimits in_place_runs{.records = 64, .bytes = 4'000'000};

// The writing half: Xapian fed in input order, a commit after every batch.
class BatchWriter {
public:
    BatchWriter(Xapian::WritableDatabase& db, const std::string& db_path, const IndexingOptions& options,
                RunObserver& observer)
        : db_(db), db_path_(db_path), options_(options), observer_(observer) {
        store::with_database_errors(db_path, [&] {
            packer_ = stored_data::Packer(db.get_metadata(std::string(schema::article_dictionary_metadata)));
            learning_ = !packer_.packs() && db.get_doccount() == 0;
            sequence_ = schema::commit_sequence(db) + 1;
        });
    }

    // Returns whether a document of the record's id was replaced.
    bool write(const ReadItem& item, PreparedRecord& record) {
        bool replacing = false;
        if (learning_) {
            replacing = !held_ids_.insert(record.id).second;
            held_.emplace_back(record.id, std::move(*record.document));
            if (held_.size() >= stored_data::training_articles) learn();
        } else {
            replacing = store::with_database_errors(db_path_, [&] {
                // The record's article may now have another id (a URL added in
                // the manifest, say): then its old document must go, not linger.
                if (item.known && was_indexed_as_other_id(item.known->document, record.id))
                    db_.delete_document(item.known->document);
                return put(record.id, *record.document);
            });
        }
        record.document.reset();
        if (++pending_ >= options_.batch_size) commit();
        return replacing;
    }

    void commit() {
        if (learning_) learn();
        if (pending_ == 0) return;
        // The new articles of this batch carry sequence_: it becomes the
        // database's count in the same commit, so an alert that reads the
        // count has every article numbered up to it.
        store::with_database_errors(db_path_, [&] {
            db_.set_metadata(std::string(schema::commit_sequence_metadata), std::to_string(sequence_));
        });
        commit_with_stamp(db_, db_path_, options_);
        observer_.committed(pending_);
        pending_ = 0;
        ++sequence_;
    }

private:
    // Packs and writes; whether a document of the id was there. An article
    // indexed again keeps the commit that first added it.
    bool put(const std::string& id, Xapian::Document& document) {
        std::string id_term = schema::id_term(id);
        if (packer_.packs()) document.set_data(packer_.pack(document.get_data()));
        Xapian::PostingIterator existing = db_.postlist_begin(id_term);
        bool exists = existing != db_.postlist_end(id_term);
        std::string added = schema::added_value(sequence_);
        if (exists) {
            Xapian::Document old = db_.get_document(*existing);
            added = old.get_value(schema::added.slot);
            carry_sources(old, document);
            // Its group of copies too, until a rebuild groups it afresh.
            if (std::string group = old.get_value(schema::cluster.slot); !group.empty())
                document.add_value(schema::cluster.slot, group);
        }
        if (!added.empty()) document.add_value(schema::added.slot, added);
        db_.replace_document(id_term, document);
        return exists;
    }

    // A new database's first articles train its dictionary (too few train
    // none: then all stay plain), and are written packed with it.
    void learn() {
        learning_ = false;
        std::vector<std::string> samples;
        for (const auto& [id, document] : held_) samples.push_back(document.get_data());
        std::string dictionary = stored_data::train_dictionary(samples);
        store::with_database_errors(db_path_, [&] {
            if (!dictionary.empty()) {
                packer_ = stored_data::Packer(dictionary);
                db_.set_metadata(std::string(schema::article_dictionary_metadata), dictionary);
            }
            for (auto& [id, document] : held_) put(id, document);
        });
        held_.clear();
        held_ids_.clear();
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
    RunObserver& observer_;
    stored_data::Packer packer_;
    bool learning_ = false;  // holding a new database's first articles
    std::vector<std::pair<std::string, Xapian::Document>> held_;
    std::set<std::string> held_ids_;
    std::size_t pending_ = 0;
    std::uint64_t sequence_ = 1;  // the number of the commit being prepared
};

}  // namespace

void commit_with_stamp(Xapian::WritableDatabase& db, const std::string& db_path, const IndexingOptions& options) {
    store::with_database_errors(db_path, [&] {
        store::stamp_last_update(db);
        if (options.entities) {
            db.set_metadata(std::string(schema::aliases_metadata), options.entities->aliases().text());
            db.set_metadata(std::string(schema::titles_metadata), options.entities->aliases().titles_text());
        }
        db.commit();
    });
}

SeenInputs index_files(Xapian::WritableDatabase& db, const std::string& db_path, const Inputs& inputs,
                       const IndexedSources& known, const IndexingOptions& options, IndexingReport& report,
                       RunObserver& observer) {
    BatchWriter writer(db, db_path, options, observer);
    RunReporter reporter(report, observer);
    observer.started(inputs.files.size());
    RecordRuns runs(inputs, known, options, in_place_runs);
    OrderedPool<Run, PreparedRun> pool([&] { return runs.next(); },
                                       [&](Run& run) { return prepare_run(std::move(run), inputs.manifest, options); },
                                       options.jobs, options.jobs * 4);
    while (std::optional<PreparedRun> prepared = pool.next())
        reporter.retire(*prepared, [&](const ReadItem& item, PreparedRecord& record) { return writer.write(item, record); });
    writer.commit();
    return std::move(reporter.seen());
}

}  // namespace dateline::indexer
