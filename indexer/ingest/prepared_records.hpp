// SPDX-License-Identifier: GPL-2.0-or-later
// The reading half of indexing, on a thread of its own: input files read,
// split into records, each record hashed and, unless the database already
// holds it unchanged, extracted (entities included), while the writing
// thread feeds Xapian. Records come out in input order, through a bounded
// queue, so memory stays flat and the writer sees exactly what a single
// thread would have done. At most twice the queue's capacity is in flight.
#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "indexer/ingest/indexing_options.hpp"
#include "indexer/ingest/indexed_sources.hpp"
#include "indexer/ingest/inputs.hpp"

namespace dateline::indexer {

// One step of the run, in order: a record, or the end of a file.
struct PreparedRecord {
    enum class Kind { record, unchanged, file_unreadable, file_done } kind = Kind::record;
    std::string key = {};       // record key; for file events the path
    std::string location = {};  // "file:line" or the path, for messages
    std::string hash = {};      // content hash (records)
    const IndexedSource* known = nullptr;  // what the database holds for the key
    ExtractedRecord extracted = {};        // records: the article, or why not
    std::string problem = {};              // file_unreadable: why
};

class RecordPreparer {
public:
    // Starts reading at once. inputs, known and options must outlive this.
    RecordPreparer(const Inputs& inputs, const IndexedSources& known, const IndexingOptions& options);
    // Stops the reader (if the writer gave up early) and waits for it.
    ~RecordPreparer();
    RecordPreparer(const RecordPreparer&) = delete;
    RecordPreparer& operator=(const RecordPreparer&) = delete;

    // The next step, or nullopt at the end; rethrows what the reader threw.
    std::optional<PreparedRecord> next();

private:
    void read_all();
    void read_file(const std::string& path);
    // Records go to the writer in batches (one wake-up each, not one per
    // record); push queues one, flush hands over what is queued. Both return
    // false when told to stop.
    bool push(PreparedRecord record);
    bool flush();
    std::vector<PreparedRecord> pending_;  // the reader's own: no lock

    const Inputs& inputs_;
    const IndexedSources& known_;
    const IndexingOptions& options_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<PreparedRecord> queue_;
    std::deque<PreparedRecord> taken_;  // the writer's own, taken from queue_ a batch at a time: no lock
    bool finished_ = false, stopping_ = false;
    std::exception_ptr failure_;
    const std::string sidecar_;  // content_hash's, the same for every record
    std::thread reader_;         // last: it starts reading at once
};

// The hash an article's inputs are recorded under (the extraction version,
// the format, the bytes, the manifest entry, the entity data, and sidecar:
// whatever else may say something about any article, the path template and
// the manifest's URL rows).
std::string content_hash(std::string_view bytes, InputFormat format, const ManifestEntry* entry,
                         const EntityFinder* entities, std::string_view sidecar = {});

}  // namespace dateline::indexer
