// SPDX-License-Identifier: GPL-2.0-or-later
// What the fuzz targets share: a private folder for the files a reader opens
// by name (removed when the target exits), and the bundled sample archive
// (data/sample) indexed into it once, for the targets that search.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace dateline::fuzz {

// The bytes as a file called name in the private folder; returns its path.
std::string write_file(const std::string& name, const std::uint8_t* data, std::size_t size);

// data/sample indexed (entities on) into the private folder on first call.
const std::string& sample_database();

// The bytes as text, cut at the first of the separator: the first part, and
// the rest after it (for inputs that carry several fields).
std::string_view take_field(std::string_view& rest, char separator = '\n');

}  // namespace dateline::fuzz
