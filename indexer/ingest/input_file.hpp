// SPDX-License-Identifier: GPL-2.0-or-later
// Reading one input file whole, gzip-compressed or not.
#pragma once

#include <optional>
#include <string>

namespace dateline::indexer {

// The file's bytes, decompressed if it is gzip (by its magic bytes, whatever
// its name), or nullopt with the reason (the system's or zlib's) in problem.
// A gzip file cut short is a problem, not a shorter file.
std::optional<std::string> read_input_file(const std::string& path, std::string& problem);

}  // namespace dateline::indexer
