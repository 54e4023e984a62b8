// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/ingest/prepared_records.hpp"

#include <utility>

#include <fmt/format.h>

#include "indexer/ingest/article_extraction.hpp"
#include "indexer/ingest/input_file.hpp"
#include "shared/stable_hash.hpp"

namespace dateline::indexer {
namespace {

// Steps read ahead of the writer: enough to keep both threads busy.
constexpr std::size_t queue_capacity = 512;
constexpr std::size_t handoff_batch = 32;

}  // namespace

std::string content_hash(std::string_view bytes, InputFormat format, const ManifestEntry* entry,
                         const EntityFinder* entities, std::string_view sidecar) {
    StableHash hash;
    hash.add(extraction_version).add(entities ? entities->fingerprint() : "no entities")
        .add(format == InputFormat::jsonl ? "jsonl" : "text").add(std::string_view("\0", 1));
    hash.add(bytes);
    if (entry) hash.add(manifest_fingerprint(*entry));
    if (!sidecar.empty()) hash.add(std::string_view("\0", 1)).add(sidecar);
    return fmt::format("{:016x}", hash.value());
}

RecordPreparer::RecordPreparer(const Inputs& inputs, const IndexedSources& known, const IndexingOptions& options)
    : inputs_(inputs), known_(known), options_(options),
      sidecar_(options.path_template || !inputs.manifest.by_url.empty()
                   ? (options.path_template ? options.path_template->text() : "") + '\n' + inputs.manifest.url_rows_fingerprint()
                   : ""),
      reader_([this] { read_all(); }) {}

RecordPreparer::~RecordPreparer() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    reader_.join();
}

std::optional<PreparedRecord> RecordPreparer::next() {
    if (taken_.empty()) {
        // Everything queued at once: one lock a batch, not one a record.
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return !queue_.empty() || finished_; });
        if (queue_.empty()) {
            if (failure_) std::rethrow_exception(failure_);
            return std::nullopt;
        }
        // Only a full queue can have the reader waiting: waking it otherwise
        // would cost a context switch for nothing.
        bool was_full = queue_.size() >= queue_capacity;
        taken_.swap(queue_);
        lock.unlock();
        if (was_full) changed_.notify_all();
    }
    PreparedRecord record = std::move(taken_.front());
    taken_.pop_front();
    return record;
}

bool RecordPreparer::push(PreparedRecord record) {
    pending_.push_back(std::move(record));
    return pending_.size() < handoff_batch || flush();
}

bool RecordPreparer::flush() {
    if (pending_.empty()) return true;
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return queue_.size() < queue_capacity || stopping_; });
    if (stopping_) return false;
    // Likewise only an empty queue can have the writer waiting.
    bool was_empty = queue_.empty();
    for (PreparedRecord& record : pending_) queue_.push_back(std::move(record));
    pending_.clear();
    lock.unlock();
    if (was_empty) changed_.notify_all();
    return true;
}

void RecordPreparer::read_all() {
    try {
        for (const std::string& path : inputs_.files) {
            read_file(path);
            if (!push({.kind = PreparedRecord::Kind::file_done, .key = path})) break;
        }
    } catch (...) {
        std::lock_guard lock(mutex_);
        failure_ = std::current_exception();
    }
    flush();  // what was read before the end, or before a failure
    {
        std::lock_guard lock(mutex_);
        finished_ = true;
    }
    changed_.notify_all();
}

void RecordPreparer::read_file(const std::string& path) {
    std::string problem;
    std::optional<std::string> bytes = read_input_file(path, problem);
    if (!bytes) {
        push({.kind = PreparedRecord::Kind::file_unreadable, .key = path, .location = path, .problem = problem});
        return;
    }
    InputFormat format = detect_format(path, *bytes, options_.format);
    // A manifest's path rows describe whole files; records carry their own metadata.
    const ManifestEntry* entry = format == InputFormat::jsonl ? nullptr : inputs_.manifest.for_file(path);
    // Once a file: its path says the same for every record in it, and a path
    // that does not fit the template is one warning, not one a record.
    std::optional<PathFields> from_path;
    if (options_.path_template) from_path = options_.path_template->read(path);
    std::string path_problem = from_path ? from_path->problem : "";
    for (const RawRecord& raw : split_records(path, *bytes, format)) {
        PreparedRecord record;
        record.key = raw.key;
        record.location = raw.line ? fmt::format("{}:{}", file_of_key(raw.key), raw.line) : raw.key;
        record.hash = content_hash(raw.bytes, format, entry, options_.entities.get(), sidecar_);
        auto indexed = known_.find(raw.key);
        record.known = indexed == known_.end() ? nullptr : &indexed->second;
        if (record.known && record.known->content_hash == record.hash) record.kind = PreparedRecord::Kind::unchanged;
        else {
            record.extracted = extract_article(raw, format, entry, from_path ? &*from_path : nullptr, inputs_.manifest, options_);
            if (!path_problem.empty()) record.extracted.warnings.push_back(std::exchange(path_problem, {}));
        }
        if (!push(std::move(record))) return;
    }
}

}  // namespace dateline::indexer
