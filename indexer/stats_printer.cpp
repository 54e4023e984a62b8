// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/stats_printer.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace dateline::indexer {

void print_stats(std::ostream& out, const DatabaseStats& stats, bool as_json) {
    if (as_json) {
        out << stats_json(stats).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
        return;
    }
    out << fmt::format("database:       {}\n", stats.path);
    out << fmt::format("documents:      {}\n", stats.documents);
    out << fmt::format("dates:          {} .. {}\n", stats.first_date ? format_iso_date(*stats.first_date) : "-",
                       stats.last_date ? format_iso_date(*stats.last_date) : "-");
    out << fmt::format("size on disk:   {:.1f} MiB\n", static_cast<double>(stats.bytes_on_disk) / (1024.0 * 1024.0));
    out << fmt::format("schema version: {}\n", stats.schema_version);
    out << fmt::format("last update:    {}\n", stats.last_update.empty() ? "-" : stats.last_update);
    out << fmt::format("generation:     {}\n", stats.generation);
    out << fmt::format("outlets:        {}\n", stats.outlets.size());
    for (const auto& [name, count] : stats.outlets) out << fmt::format("  {:>8}  {}\n", count, name);
}

}  // namespace dateline::indexer
