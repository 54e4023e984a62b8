// SPDX-License-Identifier: GPL-2.0-or-later
// What a database holds, for people and for scripts: dateline-index stats,
// and dateline-serve's /api/stats.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "shared/dates.hpp"

namespace dateline {

struct DatabaseStats {
    std::string path;
    std::size_t documents = 0;
    std::optional<Date> first_date, last_date;
    std::vector<std::pair<std::string, std::size_t>> outlets;  // by count, highest first
    std::uintmax_t bytes_on_disk = 0;                           // the live generation
    std::string schema_version;
    std::string last_update;  // ISO 8601 UTC, "" if never written
    std::string generation;
};

// Reads without taking the writer lock. Throws Error (database).
DatabaseStats read_database_stats(const std::string& db_path);

// As one JSON object: database, documents, first_date, last_date, outlets
// ([{value, count}]), bytes_on_disk, schema_version, last_update,
// generation (docs/output-format.md).
nlohmann::ordered_json stats_json(const DatabaseStats& stats);

// Total size of the regular files below path (0 if it does not exist).
std::uintmax_t bytes_on_disk(const std::filesystem::path& path);

}  // namespace dateline
