// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/write/run_report.hpp"

namespace dateline::indexer {

void RunReporter::report_event(const ReadItem& item) {
    switch (item.kind) {
    case ReadItem::Kind::file_done: observer_.file_done(); return;
    case ReadItem::Kind::unreadable:
        seen_.unread_files.insert(item.key);
        skip(item.location, item.problem, item.key);
        return;
    case ReadItem::Kind::warning:
        // The records after the damage were not seen: prune must keep them.
        seen_.unread_files.insert(item.key);
        warn({item.location, item.problem});
        return;
    case ReadItem::Kind::note: observer_.note({item.location, item.problem}); return;
    case ReadItem::Kind::unchanged:
        seen_.keys.insert(record_key_hash(item.key));
        ++report_.unchanged;
        observer_.record_done(item.key, FileOutcome::unchanged);
        return;
    case ReadItem::Kind::record: return;
    }
}

void RunReporter::warn(const InputProblem& problem) {
    report_.problems.push_back(problem);
    observer_.problem(problem);
}

void RunReporter::skip(const std::string& location, const std::string& reason, const std::string& key) {
    warn({location, reason + "; skipped"});
    ++report_.skipped;
    observer_.record_done(key, FileOutcome::skipped);
}

}  // namespace dateline::indexer
