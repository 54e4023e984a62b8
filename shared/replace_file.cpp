// SPDX-License-Identifier: GPL-2.0-or-later
#include "shared/replace_file.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>

#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

namespace dateline {
namespace fs = std::filesystem;
namespace {

void sync_path(const fs::path& path, int flags) {
    int fd = ::open(path.c_str(), flags);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

fs::path replacement_name(const fs::path& path) {
    fs::path name = path;
    name += ".new";
    return name;
}

void replace_file(const fs::path& path, std::string_view content, ErrorKind kind, const std::string& hint) {
    fs::path temporary = replacement_name(path);
    {
        std::ofstream out(temporary, std::ios::trunc | std::ios::binary);
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        out.flush();
        if (!out) throw Error(kind, fmt::format("cannot write {}: {}", temporary.string(), std::strerror(errno)), hint);
    }
    sync_path(temporary, O_RDONLY);
    if (::rename(temporary.c_str(), path.c_str()) != 0)
        throw Error(kind, fmt::format("cannot replace {}: {}", path.string(), std::strerror(errno)), hint);
    sync_path(path.has_parent_path() ? path.parent_path() : fs::path("."), O_RDONLY | O_DIRECTORY);
}

}  // namespace dateline
