// SPDX-License-Identifier: GPL-2.0-or-later
#include "shared/version.hpp"

#include <fmt/format.h>
#include <xapian.h>

#include "shared/data_dir.hpp"

namespace dateline {

std::string_view version() { return DATELINE_VERSION; }

std::string version_text(std::string_view program) {
    return fmt::format("{} {}\nXapian {}\ndata {}\n", program, DATELINE_VERSION, Xapian::version_string(),
                       data_dir().string());
}

}  // namespace dateline
