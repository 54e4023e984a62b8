// SPDX-License-Identifier: GPL-2.0-or-later
#include "shared/data_dir.hpp"

#include <cstdlib>

namespace dateline {
namespace {

// The folder of the running program, or empty if it cannot be told.
std::filesystem::path program_dir() {
    std::error_code error;
    std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", error);
    return error ? std::filesystem::path() : program.parent_path();
}

bool is_within(const std::filesystem::path& dir, const std::filesystem::path& root) {
    std::error_code error;
    std::string inner = std::filesystem::weakly_canonical(dir, error).string();
    std::string outer = std::filesystem::weakly_canonical(root, error).string();
    return !outer.empty() && (inner == outer || inner.starts_with(outer + "/"));
}

}  // namespace

std::filesystem::path data_dir() {
    if (const char* env = std::getenv("DATELINE_DATA_DIR"); env && *env) return env;
    std::error_code error;
    std::filesystem::path source_tree = DATELINE_SOURCE_DATA_DIR;
    std::filesystem::path dir = program_dir();
    if (!dir.empty() && is_within(dir, DATELINE_BUILD_ROOT) && std::filesystem::is_directory(source_tree, error))
        return source_tree;
    // Installed: PREFIX/bin/program reads PREFIX/share/dateline, wherever
    // PREFIX is now (a staging tree, a package being built, /usr).
    if (!dir.empty()) {
        std::filesystem::path beside = dir.parent_path() / DATELINE_DATA_DIR_IN_PREFIX;
        if (std::filesystem::is_directory(beside, error)) return beside;
    }
    return DATELINE_INSTALLED_DATA_DIR;
}

}  // namespace dateline
