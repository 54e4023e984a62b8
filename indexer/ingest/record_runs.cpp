// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/ingest/record_runs.hpp"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "shared/stable_hash.hpp"

namespace dateline::indexer {

std::uint64_t content_hash(std::string_view bytes, InputFormat format, const ManifestEntry* entry,
                           const EntityFinder* entities, std::string_view sidecar) {
    StableHash hash;
    hash.add(extraction_version).add(entities ? entities->fingerprint() : "no entities")
        .add(format == InputFormat::jsonl ? "jsonl" : "text").add(std::string_view("\0", 1));
    hash.add(bytes);
    if (entry) hash.add(manifest_fingerprint(*entry));
    if (!sidecar.empty()) hash.add(std::string_view("\0", 1)).add(sidecar);
    return hash.value();
}

RecordRuns::RecordRuns(const Inputs& inputs, const IndexedSources& known, const IndexingOptions& options,
                       RunLimits limits)
    : inputs_(inputs), known_(known), options_(options), limits_(limits),
      sidecar_(options.path_template || !inputs.manifest.by_url.empty()
                   ? (options.path_template ? options.path_template->text() : "") + '\n' +
                         inputs.manifest.url_rows_fingerprint()
                   : "") {}

std::optional<Run> RecordRuns::next() {
    Run run;
    run.number = runs_;
    if (!add_to(run) && run.items.empty()) return std::nullopt;
    ++runs_;
    return run;
}

void RecordRuns::open_next_file(Run& run) {
    const std::string& path = inputs_.files[next_file_++];
    reading_.emplace(path, options_.format);
    reading_path_ = path;
    if (!reading_->unreadable().empty()) {
        run.items.push_back({.kind = ReadItem::Kind::unreadable, .key = path, .location = path,
                             .problem = reading_->unreadable()});
        return;
    }
    auto context = std::make_shared<FileContext>();
    context->format = reading_->format();
    // A manifest's path rows describe whole files; records carry their own metadata.
    const bool many = context->format == InputFormat::jsonl || context->format == InputFormat::warc;
    context->entry = many ? nullptr : inputs_.manifest.for_file(path);
    // Once a file: its path says the same for every record in it, and a path
    // that does not fit the template is one warning, not one a record.
    if (options_.path_template) context->from_path = options_.path_template->read(path);
    path_problem_ = context->from_path ? context->from_path->problem : "";
    context_ = std::move(context);
}

bool RecordRuns::add_to(Run& run) {
    std::size_t records = 0, bytes = 0, wanted = limits_.records;
    if (limits_.first_records > 0 && runs_ < 32) wanted = std::min(wanted, limits_.first_records << runs_);
    while (records < wanted && bytes < limits_.bytes && run.items.size() < limits_.items) {
        if (!reading_) {
            if (next_file_ == inputs_.files.size()) return false;
            open_next_file(run);
            if (!reading_->unreadable().empty()) {
                run.items.push_back({.kind = ReadItem::Kind::file_done, .key = reading_path_});
                reading_.reset();
                continue;
            }
        }
        std::optional<RawRecord> raw = reading_->next();
        if (!raw) {
            if (!reading_->cut_short().empty())
                run.items.push_back({.kind = ReadItem::Kind::warning, .key = reading_path_, .location = reading_path_,
                                     .problem = reading_->cut_short()});
            if (!reading_->summary().empty())
                run.items.push_back({.kind = ReadItem::Kind::note, .key = reading_path_, .location = reading_path_,
                                     .problem = reading_->summary()});
            run.items.push_back({.kind = ReadItem::Kind::file_done, .key = reading_path_});
            reading_.reset();
            continue;
        }
        ReadItem item;
        item.key = raw->key;
        item.location = !raw->location.empty() ? raw->location
                        : raw->line          ? fmt::format("{}:{}", reading_path_, raw->line)
                                             : raw->key;
        item.file = context_;
        // An archived page's URL and date are part of what it is made from.
        item.hash = content_hash(raw->bytes, context_->format, context_->entry, options_.entities.get(),
                                 raw->url.empty() && raw->date.empty() ? sidecar_ : sidecar_ + '\0' + raw->url + '\0' + raw->date);
        auto indexed = known_.find(record_key_hash(raw->key));
        item.known = indexed == known_.end() ? nullptr : &indexed->second;
        if (raw->problem.empty() && item.known && item.known->content_hash == item.hash) {
            item.kind = ReadItem::Kind::unchanged;
        } else {
            item.path_problem = std::exchange(path_problem_, {});
            bytes += raw->bytes.size();
            ++records;
            item.raw = std::move(*raw);
        }
        run.items.push_back(std::move(item));
    }
    return true;
}

}  // namespace dateline::indexer
