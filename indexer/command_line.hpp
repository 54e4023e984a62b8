// SPDX-License-Identifier: GPL-2.0-or-later
// dateline-index's command line and configuration file, parsed into plain
// values. Every option can also be set in a config file (key = value, keys as
// the long option names, "path" for archive paths); the command line wins.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "indexer/run_log.hpp"
#include "indexer/commands/update.hpp"

namespace dateline::indexer {

enum class Command { update, rebuild, compact, stats, extract };

struct CommandLine {
    Command command = Command::update;
    UpdateRequest request;  // database and wait serve every command
    LogOptions log;
    bool json = false;      // stats
    std::string config_file;  // the one read, or ""
};

// The help (or --version) text to print instead of running, or the command to run. Throws
// Error (usage) or a Boost option error for a bad command line or config.
struct ParsedCommandLine {
    std::optional<std::string> help;
    CommandLine command_line;
};
ParsedCommandLine parse_command_line(const std::vector<std::string>& args);

// The config file used when --config is not given: the first that exists of
// $XDG_CONFIG_HOME/dateline/index.conf (~/.config when unset) and
// /etc/dateline/index.conf; "" if none does.
std::string default_config_file();

}  // namespace dateline::indexer
