// SPDX-License-Identifier: GPL-2.0-or-later
// What a run's items mean for the run's report, its observer and prune, in
// input order, however they were written: a file done, unreadable or cut
// short, a record unchanged, skipped (with why) or written.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_set>

#include "indexer/write/indexing_report.hpp"
#include "indexer/write/prepared_run.hpp"
#include "indexer/write/run_observer.hpp"

namespace dateline::indexer {

// What a run saw, so that prune removes only what is really gone.
struct SeenInputs {
    std::unordered_set<std::uint64_t> keys;        // record_key_hash of every record read
    std::unordered_set<std::string> unread_files;  // files that could not be read to their end
};

class RunReporter {
public:
    RunReporter(IndexingReport& report, RunObserver& observer) : report_(report), observer_(observer) {}

    // Reports every item of prepared; write(item, record) is called for each
    // article not yet written and returns whether it replaced a document of
    // its id (an article already written says so in record.replaced).
    template <class Write>
    void retire(PreparedRun& prepared, Write&& write) {
        for (std::size_t i = 0; i < prepared.run.items.size(); ++i) {
            ReadItem& item = prepared.run.items[i];
            if (item.kind != ReadItem::Kind::record) {
                report_event(item);
                continue;
            }
            seen_.keys.insert(record_key_hash(item.key));
            PreparedRecord& record = prepared.records[i];
            for (const std::string& warning : record.extracted.warnings) warn({item.location, warning});
            for (const std::string& note : record.extracted.notes) observer_.note({item.location, note});
            if (!record.is_article) {
                skip(item.location, record.extracted.problem, item.key);
                continue;
            }
            if (record.document) record.replaced = write(item, record);
            ++(record.replaced ? report_.replaced : report_.added);
            observer_.record_done(item.key, record.replaced ? FileOutcome::replaced : FileOutcome::added);
        }
    }

    SeenInputs& seen() { return seen_; }

private:
    void report_event(const ReadItem& item);
    void warn(const InputProblem& problem);
    void skip(const std::string& location, const std::string& reason, const std::string& key);

    IndexingReport& report_;
    RunObserver& observer_;
    SeenInputs seen_;
};

}  // namespace dateline::indexer
