// SPDX-License-Identifier: GPL-2.0-or-later
#include "shared/data_lines.hpp"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "shared/error.hpp"

namespace dateline {

std::string read_data_file(const std::filesystem::path& file, std::string_view what) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    if (in) text << in.rdbuf();
    if (!in)
        throw Error(ErrorKind::input, fmt::format("cannot read {} {}", what, file.string()),
                    "set DATELINE_DATA_DIR to the folder holding Dateline's data/");
    return text.str();
}

}  // namespace dateline
