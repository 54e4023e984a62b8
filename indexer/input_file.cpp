// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/input_file.hpp"

#include <cerrno>
#include <cstring>
#include <memory>

#include <fmt/format.h>
#include <zlib.h>

namespace dateline::indexer {

// gzread reads plain files unchanged too, so one path serves both.
std::optional<std::string> read_input_file(const std::string& path, std::string& problem) {
    errno = 0;
    std::unique_ptr<gzFile_s, int (*)(gzFile)> file(gzopen(path.c_str(), "rb"), gzclose);
    if (!file) {
        problem = errno ? fmt::format("cannot read file: {}", std::strerror(errno)) : "cannot read file";
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
            problem = code == Z_ERRNO ? fmt::format("cannot read file: {}", std::strerror(errno))
                                      : fmt::format("cannot decompress file: {}", message);
            return std::nullopt;
        }
        if (got == 0) break;
        bytes.append(buffer, static_cast<std::size_t>(got));
    }
    return bytes;
}

}  // namespace dateline::indexer
