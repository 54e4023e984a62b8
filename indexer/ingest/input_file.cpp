// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/ingest/input_file.hpp"

#include <cerrno>
#include <cstring>
#include <vector>

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

// read(2) until size bytes, the end, or an error (-1, errno set).
ssize_t read_some(int fd, char* buffer, std::size_t size) {
    for (;;) {
        ssize_t got = ::read(fd, buffer, size);
        if (got >= 0 || errno != EINTR) return got;
    }
}

constexpr std::size_t gzip_input_size = 1 << 16;

}  // namespace

// zlib's inflate over the file's bytes, member after member (gzip files may be
// concatenated); what follows the last member that is not another is ignored,
// as gzip(1) does.
struct InputFile::Gzip {
    z_stream stream{};
    std::vector<unsigned char> input = std::vector<unsigned char>(gzip_input_size);
    bool in_member = true;  // inside a member: its end is still to come
    bool done = false;

    Gzip() { inflateInit2(&stream, 16 + MAX_WBITS); }
    ~Gzip() { inflateEnd(&stream); }
};

InputFile::InputFile(const std::string& path) {
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) {
        problem_ = system_problem(errno);
        return;
    }
    struct stat status {};
    if (::fstat(fd_, &status) != 0) {
        problem_ = system_problem(errno);
        ::close(fd_);
        fd_ = -1;
        return;
    }
    size_on_disk_ = static_cast<std::uint64_t>(status.st_size);
    // The first two bytes tell gzip from plain; they are given back either way.
    char magic[2];
    ssize_t got = read_some(fd_, magic, 2);
    if (got < 0) {
        problem_ = system_problem(errno);
        return;
    }
    pending_.assign(magic, static_cast<std::size_t>(got));
    if (pending_ == "\x1f\x8b") gzip_ = std::make_unique<Gzip>();
}

InputFile::~InputFile() {
    if (fd_ >= 0) ::close(fd_);
}

std::size_t InputFile::read(char* buffer, std::size_t size) {
    if (!problem_.empty() || size == 0) return 0;
    if (!gzip_) {
        std::size_t given = std::min(size, pending_.size());
        std::memcpy(buffer, pending_.data(), given);
        pending_.erase(0, given);
        if (given < size) {
            ssize_t got = read_some(fd_, buffer + given, size - given);
            if (got < 0) {
                problem_ = system_problem(errno);
                return 0;
            }
            given += static_cast<std::size_t>(got);
        }
        offset_ += given;
        return given;
    }
    Gzip& z = *gzip_;
    z_stream& s = z.stream;
    s.next_out = reinterpret_cast<Bytef*>(buffer);
    s.avail_out = static_cast<uInt>(std::min<std::size_t>(size, UINT32_MAX));
    while (s.avail_out > 0 && !z.done) {
        if (s.avail_in == 0) {
            std::size_t filled = pending_.size();
            std::memcpy(z.input.data(), pending_.data(), filled);
            pending_.clear();
            ssize_t got = read_some(fd_, reinterpret_cast<char*>(z.input.data()) + filled, z.input.size() - filled);
            if (got < 0) {
                problem_ = system_problem(errno);
                break;
            }
            filled += static_cast<std::size_t>(got);
            if (filled == 0) {
                if (z.in_member) problem_ = "cannot decompress file: it ends in the middle of its gzip stream (truncated?)";
                z.done = true;
                break;
            }
            s.next_in = z.input.data();
            s.avail_in = static_cast<uInt>(filled);
        }
        if (!z.in_member) {
            // Another member follows only if it starts as one does.
            if (s.avail_in < 2 ? s.next_in[0] != 0x1f : (s.next_in[0] != 0x1f || s.next_in[1] != 0x8b)) {
                z.done = true;
                break;
            }
            inflateReset(&s);
            z.in_member = true;
        }
        int status = inflate(&s, Z_NO_FLUSH);
        if (status == Z_STREAM_END) {
            z.in_member = false;
        } else if (status != Z_OK && status != Z_BUF_ERROR) {
            problem_ = fmt::format("cannot decompress file: {} (damaged?)", s.msg ? s.msg : zError(status));
            break;
        }
    }
    std::size_t given = static_cast<std::size_t>(reinterpret_cast<char*>(s.next_out) - buffer);
    offset_ += given;
    return given;
}

std::optional<std::string> read_input_file(const std::string& path, std::string& problem, std::size_t limit) {
    InputFile file(path);
    if (!file.is_open()) {
        problem = file.problem();
        return std::nullopt;
    }
    std::string bytes;
    // Plain files are read at once into a string of their size: most archives
    // are many small files.
    if (!file.is_gzip()) bytes.reserve(std::min<std::uint64_t>(file.size_on_disk(), limit) + 1);
    std::size_t chunk = 1 << 16;
    for (;;) {
        std::size_t used = bytes.size();
        std::size_t want = std::max(chunk, bytes.capacity() - used);
        if (limit != SIZE_MAX) want = std::min(want, limit + 1 - used);
        bytes.resize(used + want);
        std::size_t got = file.read(bytes.data() + used, want);
        bytes.resize(used + got);
        if (!file.problem().empty()) {
            problem = file.problem();
            return std::nullopt;
        }
        if (got == 0) break;
        if (bytes.size() > limit) {
            problem = "larger than the limit";
            return std::nullopt;
        }
    }
    return bytes;
}

}  // namespace dateline::indexer
