// SPDX-License-Identifier: GPL-2.0-or-later
// A small file replaced whole, so that a crash or a power cut leaves the old
// file or the new one, never part of either: written beside it (PATH.new),
// synced, renamed over it, and its folder synced. The database stub that
// names the live generation and the alerts' state are written this way.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "shared/error.hpp"

namespace dateline {

// The name content is written under before the rename: path + ".new".
std::filesystem::path replacement_name(const std::filesystem::path& path);

// Throws Error of kind, naming the file and the system's reason, with hint,
// when the file cannot be written or renamed (path itself is then unchanged).
void replace_file(const std::filesystem::path& path, std::string_view content, ErrorKind kind,
                  const std::string& hint);

}  // namespace dateline
