// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/ingest/input_file.hpp"

#include <cerrno>
#include <cstring>
#include <memory>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <zlib.h>

namespace dateline::indexer {
namespace {

std::string system_problem(int error) {
    return error ? fmt::format("cannot read file: {}", std::strerror(error)) : "cannot read file";
}

std::optional<std::string> read_gzip_file(const std::string& path, std::string& problem) {
    errno = 0;
    std::unique_ptr<gzFile_s, int (*)(gzFile)> file(gzopen(path.c_str(), "rb"), gzclose);
    if (!file) {
        problem = system_problem(errno);
        return std::nullopt;
    }
    gzbuffer(file.get(), 1 << 17);
    std::string bytes;
    char buffer[1 << 16];
    for (;;) {
        int got = gzread(file.get(), buffer, sizeof buffer);
        if (got < 0) {
            int code = 0;
            const char* message = gzerror(file.get(), &code);
            problem = code == Z_ERRNO ? system_problem(errno) : fmt::format("cannot decompress file: {}", message);
            return std::nullopt;
        }
        if (got == 0) break;
        bytes.append(buffer, static_cast<std::size_t>(got));
    }
    // gzread does not fail on a stream cut short; gzerror tells.
    if (int code = 0; gzerror(file.get(), &code) && code == Z_BUF_ERROR) {
        problem = "cannot decompress file: it ends in the middle of its gzip stream (truncated?)";
        return std::nullopt;
    }
    return bytes;
}

}  // namespace

// Plain files are read straight into a string of their size: most archives
// are many small files, and zlib's buffers (256 KB a file) cost more than
// reading one. A file that starts as gzip does is read again through zlib.
std::optional<std::string> read_input_file(const std::string& path, std::string& problem) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        problem = system_problem(errno);
        return std::nullopt;
    }
    std::unique_ptr<int, void (*)(int*)> closer(&fd, [](int* f) { ::close(*f); });
    struct stat status {};
    if (::fstat(fd, &status) != 0) {
        problem = system_problem(errno);
        return std::nullopt;
    }
    std::string bytes;
    bytes.resize(static_cast<std::size_t>(status.st_size) + 1);  // + 1: the read that sees the end
    std::size_t used = 0;
    for (;;) {
        if (used == bytes.size()) bytes.resize(bytes.size() * 2);  // grown since fstat
        ssize_t got = ::read(fd, bytes.data() + used, bytes.size() - used);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            problem = system_problem(errno);
            return std::nullopt;
        }
        if (got == 0) break;
        used += static_cast<std::size_t>(got);
        if (used == static_cast<std::size_t>(status.st_size)) break;  // all fstat saw: no read to find the end
    }
    bytes.resize(used);
    if (bytes.size() >= 2 && bytes[0] == '\x1f' && bytes[1] == '\x8b') return read_gzip_file(path, problem);
    return bytes;
}

}  // namespace dateline::indexer
