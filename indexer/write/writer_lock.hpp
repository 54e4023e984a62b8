// SPDX-License-Identifier: GPL-2.0-or-later
// One writer at a time: an exclusive flock on DB/writer.lock, held for the
// whole of an update, rebuild or compaction. The kernel drops the lock when
// its process ends, however it ends, so a killed run never blocks the next.
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace dateline::indexer {

class WriterLock {
public:
    // Creates db's directory if needed and takes the lock. Without wait, a
    // lock held by another process throws Error (locked) at once, naming that
    // process; with wait, it is retried until the wait runs out.
    WriterLock(const std::string& db, std::optional<std::chrono::seconds> wait);
    ~WriterLock();
    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;

private:
    int fd_ = -1;
};

}  // namespace dateline::indexer
