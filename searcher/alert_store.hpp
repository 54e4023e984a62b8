// SPDX-License-Identifier: GPL-2.0-or-later
// Saved queries for alerts (dateline-search alert ...): a JSON file of
// alerts, each a name, a query, the database it watches and the last commit
// of that database it reported on (schema::added). The file is locked while
// a command uses it, so that two cron runs never report the same articles
// twice, and it is replaced whole (written beside, then renamed), so that a
// crash leaves the old state or the new, never half of one.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::searcher {

struct Alert {
    std::string name;
    std::string query;
    std::string database;   // absolute path of a local Dateline database
    std::uint64_t seen = 0;  // the database's commit count when last reported
    std::string created;     // UTC, ISO 8601
    std::string last_run;    // UTC, ISO 8601; "" before the first run
};

class AlertStore {
public:
    // $XDG_STATE_HOME/dateline/alerts.json, or ~/.local/state/dateline/.
    // Throws Error (usage) when neither XDG_STATE_HOME nor HOME is set.
    static std::filesystem::path default_path();

    // Locks path (a .lock file beside it; its folder is created) and reads
    // it (no file: no alerts). Throws Error: locked when another command
    // holds it, input when it cannot be read or is not an alert file.
    explicit AlertStore(std::filesystem::path path);
    ~AlertStore();
    AlertStore(const AlertStore&) = delete;
    AlertStore& operator=(const AlertStore&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::vector<Alert>& alerts() { return alerts_; }
    Alert* find(std::string_view name);

    // Writes the alerts to a new file beside path, syncs it and renames it
    // over path. Throws Error (input) when it cannot.
    void save() const;

private:
    std::filesystem::path path_;
    int lock_fd_ = -1;
    std::vector<Alert> alerts_;
};

// Letters, digits, '.', '_' and '-', at most 64: names that need no quoting
// in a shell or a mail subject. Throws Error (usage) for any other.
void check_alert_name(std::string_view name);

// The current time as the store writes it: 2026-12-07T10:00:00Z.
std::string utc_now();

}  // namespace dateline::searcher
