// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/commands/compact.hpp"

#include <filesystem>

#include <xapian.h>
#include <fmt/format.h>

#include "shared/database_stats.hpp"
#include "indexer/write/writer_lock.hpp"
#include "shared/error.hpp"
#include "shared/facet_columns.hpp"
#include "shared/generations.hpp"
#include "shared/store.hpp"

namespace dateline::indexer {
namespace fs = std::filesystem;

CompactReport compact_database(const std::string& db_path, std::optional<std::chrono::seconds> wait) {
    WriterLock lock(db_path, wait);
    std::optional<std::string> live = store::live_generation(db_path);
    if (!live)
        throw Error(ErrorKind::database, fmt::format("no database at {}", db_path),
                    fmt::format("create one with: dateline-index update --db {} ARCHIVE...", db_path));
    store::remove_dead_generations(db_path);
    fs::path old_path = fs::path(db_path) / *live;
    CompactReport report;
    report.generation = store::next_generation_name(db_path);
    fs::path new_path = fs::path(db_path) / report.generation;
    try {
        store::with_database_errors(db_path, [&] { Xapian::Database(old_path.string()).compact(new_path.string()); });
        write_facet_columns(new_path);
        store::make_live(db_path, report.generation);
    } catch (...) {
        std::error_code ignored;
        fs::remove_all(new_path, ignored);
        throw;
    }
    report.bytes_before = bytes_on_disk(old_path);
    report.bytes_after = bytes_on_disk(new_path);
    store::remove_dead_generations(db_path);
    return report;
}

}  // namespace dateline::indexer
