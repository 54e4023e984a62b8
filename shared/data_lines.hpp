// SPDX-License-Identifier: GPL-2.0-or-later
// Dateline's data files (data/: lexicons, gazetteers, the alias and outlet
// tables, scrape rules) are text, one entry a line, with blank lines and
// lines starting with '#' left for people. One reader for all of them.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace dateline {

// The whole file. Throws Error (input): "cannot read WHAT PATH", with a hint
// to point DATELINE_DATA_DIR at the data folder.
std::string read_data_file(const std::filesystem::path& file, std::string_view what);

// Calls each(line, number) for every line of text that holds data (not empty,
// not starting with '#'); number counts every line from 1, for messages.
template <class Each>
void for_each_data_line(std::string_view text, Each&& each) {
    std::size_t number = 0;
    while (!text.empty()) {
        ++number;
        std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        if (!line.empty() && line.front() != '#') each(line, number);
    }
}

}  // namespace dateline
