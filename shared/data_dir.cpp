// SPDX-License-Identifier: GPL-2.0-or-later
#include "shared/data_dir.hpp"

#include <cstdlib>

namespace dateline {

std::filesystem::path data_dir() {
    if (const char* env = std::getenv("DATELINE_DATA_DIR"); env && *env) return env;
    std::filesystem::path source_tree = DATELINE_SOURCE_DATA_DIR;
    std::error_code error;
    if (std::filesystem::is_directory(source_tree, error)) return source_tree;
    return DATELINE_INSTALLED_DATA_DIR;
}

}  // namespace dateline
