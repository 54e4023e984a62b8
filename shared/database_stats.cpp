// SPDX-License-Identifier: GPL-2.0-or-later
#include "shared/database_stats.hpp"

#include <algorithm>
#include <map>

#include <xapian.h>

#include "shared/generations.hpp"
#include "shared/schema.hpp"
#include "shared/store.hpp"

namespace dateline {
namespace fs = std::filesystem;

std::uintmax_t bytes_on_disk(const fs::path& path) {
    std::uintmax_t total = 0;
    std::error_code error;
    for (fs::recursive_directory_iterator it(path, error), end; !error && it != end; it.increment(error))
        if (it->is_regular_file(error)) total += it->file_size(error);
    return total;
}

DatabaseStats read_database_stats(const std::string& db_path) {
    DatabaseStats stats;
    stats.path = db_path;
    Xapian::Database db = store::open_for_search({db_path});
    stats.generation = store::live_generation(db_path).value_or("");
    store::with_database_errors(db_path, [&] {
        stats.documents = db.get_doccount();
        stats.schema_version = db.get_metadata(std::string(store::schema_version_key));
        stats.last_update = db.get_metadata(std::string(store::last_update_key));
        stats.first_date = parse_compact_date(db.get_value_lower_bound(schema::date.slot));
        stats.last_date = parse_compact_date(db.get_value_upper_bound(schema::date.slot));
        std::map<std::string, std::size_t> outlets;
        for (auto it = db.valuestream_begin(schema::outlet.slot); it != db.valuestream_end(schema::outlet.slot); ++it)
            ++outlets[*it];
        stats.outlets.assign(outlets.begin(), outlets.end());
    });
    std::stable_sort(stats.outlets.begin(), stats.outlets.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    stats.bytes_on_disk = bytes_on_disk(fs::path(db_path) / stats.generation);
    return stats;
}

nlohmann::ordered_json stats_json(const DatabaseStats& stats) {
    using json = nlohmann::ordered_json;
    auto date_or_null = [](const std::optional<Date>& date) { return date ? json(format_iso_date(*date)) : json(nullptr); };
    json outlets = json::array();
    for (const auto& [name, count] : stats.outlets) outlets.push_back({{"value", name}, {"count", count}});
    return {
        {"database", stats.path},
        {"documents", stats.documents},
        {"first_date", date_or_null(stats.first_date)},
        {"last_date", date_or_null(stats.last_date)},
        {"outlets", outlets},
        {"bytes_on_disk", stats.bytes_on_disk},
        {"schema_version", stats.schema_version},
        {"last_update", stats.last_update.empty() ? json(nullptr) : json(stats.last_update)},
        {"generation", stats.generation},
    };
}

}  // namespace dateline
