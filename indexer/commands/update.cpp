// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/commands/update.hpp"

#include <algorithm>
#include <filesystem>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "indexer/ingest/indexed_sources.hpp"
#include "indexer/ingest/inputs.hpp"
#include "indexer/write/build_database.hpp"
#include "indexer/write/copy_groups.hpp"
#include "indexer/write/index_files.hpp"
#include "indexer/write/writer_lock.hpp"
#include "shared/data_dir.hpp"
#include "shared/error.hpp"
#include "shared/facet_columns.hpp"
#include "shared/generations.hpp"
#include "shared/schema.hpp"
#include "shared/store.hpp"

namespace dateline::indexer {
namespace fs = std::filesystem;
IndexingOptions indexing_options(const UpdateRequest& request) {
    IndexingOptions options;
    options.batch_size = request.batch_size;
    options.jobs = request.jobs ? request.jobs : std::max(1u, std::thread::hardware_concurrency());
    options.format = parse_input_format(request.format);
    for (const std::string& mapping : request.field_map) override_field(options.reading.fields, mapping);
    if (!request.path_template.empty())
        options.path_template = std::make_shared<const PathTemplate>(request.path_template);
    options.reading.scrape = std::make_shared<const ScrapeRules>(ScrapeRules::load(data_dir()));
    if (request.entities) options.entities = std::make_shared<const EntityFinder>(EntityFinder::load(data_dir()));
    options.copy_groups = request.copy_groups;
    return options;
}

namespace {

// Articles whose source lies below a path of this run but was not seen by it:
// the file (or the record in it) is gone. Records of a file that could not be
// read this time are kept. An article whose record is gone but which another
// record seen this run also gives (schema::also_from) stays, with that record
// as its source and no content hash, so that the next run writes it from it.
void prune_vanished(Xapian::WritableDatabase& db, const std::string& db_path, const Inputs& inputs,
                    const SeenInputs& seen, IndexingReport& report) {
    store::with_database_errors(db_path, [&] {
        auto still_there = [&](const std::string& key) {
            std::string file = file_of_key(key);
            return seen.keys.contains(record_key_hash(key)) || seen.unread_files.contains(file) || !is_under(file, inputs.roots);
        };
        std::vector<Xapian::docid> vanished;
        for (auto it = db.valuestream_begin(schema::source.slot); it != db.valuestream_end(schema::source.slot); ++it)
            if (!still_there(*it)) vanished.push_back(it.get_docid());
        bool changed = false;
        for (Xapian::docid document : vanished) {
            Xapian::Document article = db.get_document(document);
            std::vector<schema::RecordSource> others = schema::parse_also_from(article.get_value(schema::also_from.slot));
            auto heir = std::find_if(others.begin(), others.end(), [&](const auto& other) { return still_there(other.key); });
            if (heir == others.end()) {
                db.delete_document(document);
                ++report.pruned;
                continue;
            }
            article.add_value(schema::source.slot, heir->key);
            article.add_value(schema::content_hash.slot, "");  // "" removes it
            others.erase(heir);
            article.add_value(schema::also_from.slot, schema::also_from_value(others));
            db.replace_document(document, article);
            changed = true;
        }
        if (report.pruned > 0 || changed) {
            store::stamp_last_update(db);
            db.commit();
        }
    });
}

// After writes in place, the live generation's facet columns describe an
// older revision: made again (an unchanged database keeps its columns).
void refresh_facet_columns(const std::string& db_path, RunObserver& observer) {
    fs::path live = fs::path(db_path) / store::live_generation(db_path).value_or("");
    bool current = store::with_database_errors(db_path, [&] {
        return FacetColumns::open(live, Xapian::Database(live.string())) != nullptr;
    });
    if (current) return;
    observer.stage("writing the facet columns");
    write_facet_columns(live);
}

void finish_report(const std::string& db_path, IndexingReport& report) {
    report.generation = store::live_generation(db_path).value_or("");
    report.documents_in_database = store::with_database_errors(
        db_path, [&] { return Xapian::Database(db_path).get_doccount(); });
}

// What update and rebuild do before writing: check options and inputs, so a
// mistyped path or option fails before anything is created, then take the
// writer lock for the rest of the run.
struct RunSetup {
    RunSetup(const UpdateRequest& request, RunObserver& observer)
        : options(indexing_options(request)),
          inputs(gather_inputs(request.paths, request.manifests)),
          lock(request.database, request.wait) {
        report.problems = inputs.problems;
        for (const InputProblem& problem : inputs.problems) observer.problem(problem);
    }

    IndexingOptions options;
    Inputs inputs;
    WriterLock lock;
    IndexingReport report;
};

}  // namespace

IndexingReport update_database(const UpdateRequest& request) {
    SilentObserver silent;
    return update_database(request, silent);
}

IndexingReport update_database(const UpdateRequest& request, RunObserver& observer) {
    RunSetup run(request, observer);
    Xapian::WritableDatabase db = store::open_for_update(request.database);
    store::remove_dead_generations(request.database);  // left by a killed rebuild
    IndexedSources known = store::with_database_errors(request.database, [&] { return load_indexed_sources(db); });
    SeenInputs seen = index_files(db, request.database, run.inputs, known, run.options, run.report, observer);
    if (request.prune) prune_vanished(db, request.database, run.inputs, seen, run.report);
    store::with_database_errors(request.database, [&] {
        if (run.options.copy_groups) group_copies(db);
        db.close();
    });
    refresh_facet_columns(request.database, observer);
    finish_report(request.database, run.report);
    return run.report;
}

IndexingReport rebuild_database(const UpdateRequest& request, RunObserver& observer) {
    RunSetup run(request, observer);
    if (!store::live_generation(request.database) && !store::is_unused_directory(request.database))
        throw Error(ErrorKind::schema_mismatch, fmt::format("{} is not a Dateline database", request.database),
                    "give --db a new directory, or the directory of a database dateline-index made");
    store::remove_dead_generations(request.database);
    std::string generation = store::next_generation_name(request.database);
    std::string output = (fs::path(request.database) / generation).string();
    std::optional<std::string> live = store::live_generation(request.database);
    try {
        build_database(output, (fs::path(request.database) / store::work_directory_name(generation)).string(),
                       live ? (fs::path(request.database) / *live).string() : std::string(), run.inputs,
                       run.options, run.report, observer);
        observer.stage("writing the facet columns");
        write_facet_columns(output);
        store::make_live(request.database, generation);
    } catch (...) {
        std::error_code ignored;
        fs::remove_all(output, ignored);
        throw;
    }
    store::remove_dead_generations(request.database);
    finish_report(request.database, run.report);
    return run.report;
}

}  // namespace dateline::indexer
