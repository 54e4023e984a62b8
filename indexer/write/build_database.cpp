// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/write/build_database.hpp"

#include <filesystem>
#include <future>
#include <mutex>
#include <vector>

#include <fmt/format.h>

#include "indexer/ingest/ordered_pool.hpp"
#include "indexer/ingest/record_runs.hpp"
#include "indexer/write/article_sources.hpp"
#include "indexer/write/copy_groups.hpp"
#include "indexer/write/index_files.hpp"
#include "indexer/write/prepared_run.hpp"
#include "indexer/write/run_report.hpp"
#include "shared/error.hpp"
#include "shared/schema.hpp"
#include "shared/store.hpp"
#include "shared/stored_data.hpp"

namespace dateline::indexer {
namespace fs = std::filesystem;
namespace {

// A run is one small database: enough records that the merge has few to
// read, few enough that a run's buffers and text stay small. The first runs
// are smaller (625, 1,250, ... records), so that an archive of a few thousand
// articles is still built on every core.
constexpr RunLimits build_runs{.records = 10'000, .bytes = 64'000'000, .items = 40'000, .first_records = 625};
// Documents between flushes of a run's database: Xapian's buffer of
// postings slows down as it grows (a flush every 1,000 documents indexed
// synthetic news a third faster than every 4,000).
constexpr Xapian::doccount flush_every = 1000;

struct BuiltRun {
    PreparedRun prepared;  // for the report: the records' outcomes, their documents written
    std::string path;
    Xapian::doccount documents = 0;
};

// Nothing reads a run's database before the merge, and a crash throws it
// away: no sync, no copy-on-write.
constexpr int run_database_flags = Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC;

// The dictionary a rebuild packs its stored articles with
// (stored_data.hpp): trained on the first run's articles, which the other
// runs wait for before they write.
class RunPacking {
public:
    // Once: the first run's articles' data, or nothing if that run failed.
    void train(const std::vector<std::string>& samples) {
        std::call_once(once_, [&] {
            try {
                dictionary_ = stored_data::train_dictionary(samples);
                packer_ = stored_data::Packer(dictionary_);
            } catch (...) {
                dictionary_.clear();  // plain is always readable
                packer_ = stored_data::Packer();
            }
            trained_.set_value();
        });
    }
    const stored_data::Packer& packer() const {
        ready_.wait();
        return packer_;
    }
    const std::string& dictionary() const {
        ready_.wait();
        return dictionary_;
    }

private:
    std::once_flag once_;
    std::promise<void> trained_;
    std::shared_future<void> ready_ = trained_.get_future().share();
    std::string dictionary_;
    stored_data::Packer packer_;
};

// What the database being rebuilt holds, for the added slot: an article it
// holds keeps the commit that first added it; a new one gets sequence.
struct PreviousArticles {
    std::string path;  // its live generation, "" for a new database
    std::uint64_t sequence = 1;
};

BuiltRun build_run(Run& run, const std::string& work_dir, const Manifest& manifest, const IndexingOptions& options,
                   RunPacking& packing, const PreviousArticles& previous) {
    BuiltRun built;
    built.path = fmt::format("{}/run-{:06}", work_dir, run.number);
    PreparedRun& prepared = built.prepared;
    prepared.records.resize(run.items.size());
    const bool first = run.number == 0;  // holds its articles until they have trained the dictionary
    struct TrainAnyway {  // so that no other run waits for ever
        RunPacking& packing;
        bool first;
        ~TrainAnyway() {
            if (first) packing.train({});
        }
    } train_anyway{packing, first};
    std::optional<Xapian::WritableDatabase> db;
    std::optional<Xapian::Database> before;  // this thread's own handle
    auto write = [&](PreparedRecord& record) {
        Xapian::Document& document = *record.document;
        if (const stored_data::Packer& packer = packing.packer(); packer.packs())
            document.set_data(packer.pack(document.get_data()));
        if (!db) db.emplace(built.path, run_database_flags);
        std::string id_term = schema::id_term(record.id);
        std::string added = schema::added_value(previous.sequence);
        if (!previous.path.empty()) {
            if (!before) before.emplace(previous.path);
            if (auto found = before->postlist_begin(id_term); found != before->postlist_end(id_term)) {
                // When it was first added, and its group of copies, whose id
                // the grouping keeps (write/copy_groups.hpp).
                Xapian::Document old = before->get_document(*found);
                added = old.get_value(schema::added.slot);
                if (std::string group = old.get_value(schema::cluster.slot); !group.empty())
                    document.add_value(schema::cluster.slot, group);
            }
        }
        if (!added.empty()) document.add_value(schema::added.slot, added);
        if (auto existing = db->postlist_begin(id_term); existing != db->postlist_end(id_term)) {
            record.replaced = true;
            carry_sources(db->get_document(*existing), document);
            db->replace_document(*existing, document);
        } else {
            db->add_document(document);  // without looking the id up a second time
        }
        record.document.reset();
        if (db->get_doccount() % flush_every == 0) db->commit();
    };
    store::with_database_errors(built.path, [&] {
        std::vector<std::size_t> held;
        for (std::size_t i = 0; i < run.items.size(); ++i) {
            ReadItem& item = run.items[i];
            if (item.kind != ReadItem::Kind::record) continue;
            PreparedRecord& record = prepared.records[i] = prepare_record(item, manifest, options);
            item.raw.bytes = std::string();  // read; only the report needs the item now
            if (!record.document) continue;
            if (first) held.push_back(i);
            else write(record);
        }
        if (first) {
            std::vector<std::string> samples;
            for (std::size_t i : held) samples.push_back(prepared.records[i].document->get_data());
            packing.train(samples);
            for (std::size_t i : held) write(prepared.records[i]);
        }
        if (db) {
            db->commit();
            built.documents = db->get_doccount();
            db->close();
        }
    });
    prepared.run = std::move(run);
    return built;
}

// The runs, in order, as one compact database: Xapian renumbers each run's
// documents to follow the run before.
void merge_runs(const std::vector<std::string>& runs, const std::string& output) {
    store::with_database_errors(output, [&] {
        if (runs.empty()) {
            Xapian::WritableDatabase(output, Xapian::DB_CREATE).close();
            return;
        }
        Xapian::Database all;
        for (const std::string& run : runs) all.add_database(Xapian::Database(run));
        all.compact(output, Xapian::DBCOMPACT_MULTIPASS);
    });
}

// A document of db as one of its own. Xapian 1.4 takes a document read from
// the same database, unchanged but for values, as the one at the id it
// replaces: replace_document(first, get_document(last)) kept the first's
// text and terms.
Xapian::Document detached(const Xapian::Document& document) {
    Xapian::Document copy;
    copy.set_data(document.get_data());
    for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
        copy.add_term(*term, term.get_wdf());
        for (auto position = term.positionlist_begin(); position != term.positionlist_end(); ++position)
            copy.add_posting(*term, *position, 0);
    }
    for (auto value = document.values_begin(); value != document.values_end(); ++value)
        copy.add_value(value.get_valueno(), *value);
    return copy;
}

// An article given twice (by two records in different runs) is two documents
// after the merge: as a single writer would, keep the first one's place with
// the last one's text.
void keep_each_article_once(Xapian::WritableDatabase& db) {
    std::vector<std::string> repeated;
    const std::string prefix(schema::id.prefix);
    for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term)
        if (term.get_termfreq() > 1) repeated.push_back(*term);
    for (const std::string& term : repeated) {
        std::vector<Xapian::docid> copies(db.postlist_begin(term), db.postlist_end(term));
        Xapian::Document last = detached(db.get_document(copies.back()));
        for (std::size_t i = copies.size() - 1; i-- > 0;) carry_sources(db.get_document(copies[i]), last);
        db.replace_document(copies.front(), last);
        for (std::size_t i = 1; i < copies.size(); ++i) db.delete_document(copies[i]);
    }
}

}  // namespace

void build_database(const std::string& output, const std::string& work_dir, const std::string& previous_path,
                    const Inputs& inputs, const IndexingOptions& options, IndexingReport& report,
                    RunObserver& observer) {
    PreviousArticles previous{previous_path, 1};
    if (!previous_path.empty())
        previous.sequence = store::with_database_errors(
            previous_path, [&] { return schema::commit_sequence(Xapian::Database(previous_path)) + 1; });
    std::error_code error;
    fs::create_directories(work_dir, error);
    if (error)
        throw Error(ErrorKind::database, fmt::format("cannot create {}: {}", work_dir, error.message()),
                    "check that the database directory is writable");
    struct RemoveWhenDone {
        const std::string& path;
        ~RemoveWhenDone() {
            std::error_code ignored;
            fs::remove_all(path, ignored);
        }
    } remove_work{work_dir};

    RunReporter reporter(report, observer);
    observer.started(inputs.files.size());
    const IndexedSources nothing_indexed;
    RecordRuns runs(inputs, nothing_indexed, options, build_runs);
    std::vector<std::string> run_paths;
    RunPacking packing;
    {
        OrderedPool<Run, BuiltRun> pool([&] { return runs.next(); },
                                        [&](Run& run) { return build_run(run, work_dir, inputs.manifest, options, packing, previous); },
                                        options.jobs, options.jobs + 1);
        while (std::optional<BuiltRun> built = pool.next()) {
            reporter.retire(built->prepared, [](const ReadItem&, PreparedRecord& record) { return record.replaced; });
            if (built->documents > 0) run_paths.push_back(built->path);
        }
    }
    observer.stage(fmt::format("merging {} runs into one database", run_paths.size()));
    merge_runs(run_paths, output);
    observer.stage("merged");
    Xapian::WritableDatabase db = store::with_database_errors(output, [&] {
        Xapian::WritableDatabase merged(output, Xapian::DB_OPEN);
        keep_each_article_once(merged);
        store::stamp_schema(merged);
        if (!run_paths.empty() && !packing.dictionary().empty())
            merged.set_metadata(std::string(schema::article_dictionary_metadata), packing.dictionary());
        merged.set_metadata(std::string(schema::commit_sequence_metadata), std::to_string(previous.sequence));
        return merged;
    });
    commit_with_stamp(db, output, options);
    observer.committed(db.get_doccount());
    if (options.copy_groups) {
        observer.stage("grouping syndicated copies");
        store::with_database_errors(output, [&] { group_copies(db); });
    }
    store::with_database_errors(output, [&] { db.close(); });
}

}  // namespace dateline::indexer
