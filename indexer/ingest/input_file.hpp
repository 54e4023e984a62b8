// SPDX-License-Identifier: GPL-2.0-or-later
// An input file read as a stream, gzip-compressed or not (told by its magic
// bytes, whatever its name), so that memory holds a buffer, never the file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace dateline::indexer {

class InputFile {
public:
    // Opens path; if that fails, is_open() is false and problem() says why
    // (the system's reason).
    explicit InputFile(const std::string& path);
    ~InputFile();
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;

    bool is_open() const { return fd_ >= 0; }
    bool is_gzip() const { return gzip_ != nullptr; }
    // The size of the file on disk, as opened.
    std::uint64_t size_on_disk() const { return size_on_disk_; }

    // Up to size bytes of content into buffer; 0 at the end, or when reading
    // failed: then problem() says why. A gzip stream that is cut short or
    // damaged stops there, with everything before it given.
    std::size_t read(char* buffer, std::size_t size);

    // "" while all is well.
    const std::string& problem() const { return problem_; }
    // Bytes of content given so far (after decompression).
    std::uint64_t offset() const { return offset_; }

private:
    struct Gzip;
    int fd_ = -1;
    std::uint64_t size_on_disk_ = 0;
    std::uint64_t offset_ = 0;
    std::string problem_;
    std::unique_ptr<Gzip> gzip_;
    std::string pending_;  // bytes read to tell gzip from plain, not yet given
};

// The whole content of path, if it is no larger than limit bytes; else
// nullopt with the reason in problem (a file over the limit is not read to
// its end). nullopt with the reason, too, when it cannot be read or
// decompressed: a gzip file cut short is a problem, not a shorter file.
std::optional<std::string> read_input_file(const std::string& path, std::string& problem,
                                           std::size_t limit = SIZE_MAX);

}  // namespace dateline::indexer
