// SPDX-License-Identifier: GPL-2.0-or-later
// The reading half of indexing: the inputs' files in order, each read as a
// stream of records (file_records.hpp), each record hashed and looked up in
// what the database holds, and grouped into runs of consecutive items (at
// most so many records and bytes): the unit that workers take and that is
// retired in order (ordered_pool.hpp). Runs are cut by counts, never by
// timing, so every run of the same inputs makes the same runs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "indexer/ingest/file_records.hpp"
#include "indexer/ingest/indexed_sources.hpp"
#include "indexer/ingest/indexing_options.hpp"
#include "indexer/ingest/inputs.hpp"

namespace dateline::indexer {

// What a file says about every record in it, read once a file.
struct FileContext {
    InputFormat format = InputFormat::text;
    const ManifestEntry* entry = nullptr;  // a manifest's row for a whole-file article
    std::optional<PathFields> from_path;   // --path-template's reading of the path
};

// One step of the run, in input order.
struct ReadItem {
    enum class Kind {
        record,      // to be extracted
        unchanged,   // the database holds it as it is
        unreadable,  // a file that cannot be read: problem says why
        warning,     // about a file, indexed all the same (cut short): problem says what
        note,        // about a file, for --verbose (what a web archive held): problem says what
        file_done,   // the end of a file
    } kind = Kind::record;
    std::string key = {};       // record key; for file events the path
    std::string location = {};  // "file:line" or the path, for messages
    std::uint64_t hash = 0;                // content hash (records)
    const IndexedSource* known = nullptr;  // what the database holds for the key
    RawRecord raw = {};                    // records: the bytes
    std::shared_ptr<const FileContext> file = {};
    std::string problem = {};
    std::string path_problem = {};  // --path-template's complaint about the file, on its first record
};

struct Run {
    std::size_t number = 0;  // from 0, in input order
    std::vector<ReadItem> items;
};

struct RunLimits {
    std::size_t records = 256;         // records to extract in one run
    std::size_t bytes = 16'000'000;    // of their text
    // Items of every kind: records unchanged since the last run, and files
    // done, take no work but some memory, so that an update of an archive
    // that has not changed still holds one run's worth, not the archive.
    std::size_t items = 16'384;
    // When not 0: the first run's records, doubled each run up to records,
    // so that a small input still makes a run for every worker.
    std::size_t first_records = 0;
};

class RecordRuns {
public:
    // inputs, known and options must outlive this.
    RecordRuns(const Inputs& inputs, const IndexedSources& known, const IndexingOptions& options, RunLimits limits);

    // The next run, or nullopt when every file has been read.
    std::optional<Run> next();

private:
    // Reads on in the current file (opening the next when it ends) until the
    // run is full; false when no file is left.
    bool add_to(Run& run);
    void open_next_file(Run& run);

    const Inputs& inputs_;
    const IndexedSources& known_;
    const IndexingOptions& options_;
    const RunLimits limits_;
    const std::string sidecar_;  // content_hash's, the same for every record
    std::size_t next_file_ = 0;
    std::size_t runs_ = 0;
    std::optional<FileRecords> reading_;
    std::string reading_path_;
    std::shared_ptr<const FileContext> context_;
    std::string path_problem_;
};

// The hash an article's inputs are recorded under (the extraction version,
// the format, the bytes, the manifest entry, the entity data, and sidecar:
// whatever else may say something about any article, the path template and
// the manifest's URL rows).
std::uint64_t content_hash(std::string_view bytes, InputFormat format, const ManifestEntry* entry,
                           const EntityFinder* entities, std::string_view sidecar = {});

}  // namespace dateline::indexer
