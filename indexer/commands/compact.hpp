// SPDX-License-Identifier: GPL-2.0-or-later
// dateline-index compact: rewrite the live generation compactly (Xapian's
// compaction) into a new generation and switch to it atomically.
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace dateline::indexer {

struct CompactReport {
    std::string generation;        // the new live generation
    std::uintmax_t bytes_before = 0;
    std::uintmax_t bytes_after = 0;
};

// Holds the writer lock throughout. Throws Error (database) when there is no
// database or the compaction fails; the old generation then stays live.
CompactReport compact_database(const std::string& db_path, std::optional<std::chrono::seconds> wait);

}  // namespace dateline::indexer
