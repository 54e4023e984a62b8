// SPDX-License-Identifier: GPL-2.0-or-later
// dateline-search alert add|list|remove|run: saved queries for cron, each
// run printing only the articles indexed since the alert last ran.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace dateline::searcher {

struct AlertCommand {
    std::vector<std::string> words;       // after "alert": the sub-command and its arguments
    std::vector<std::string> databases;   // --db (add: exactly one)
    std::filesystem::path state;          // --state, or empty for AlertStore::default_path()
    bool json = false;                    // run: JSON Lines; list: one JSON object
    unsigned snippet_length = 200;
    bool terminal = false;                // highlight as on a terminal
};

// Returns the exit status: 0 done (run: also when nothing is new), or
// Error's: usage, database, locked, input. run goes on past an alert whose
// database fails and ends with that failure's status.
int run_alert_command(const AlertCommand& command, std::ostream& out, std::ostream& err);

}  // namespace dateline::searcher
