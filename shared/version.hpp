// SPDX-License-Identifier: GPL-2.0-or-later
// What --version prints, the same for every program: its name and Dateline's
// version (meson.build), the Xapian it runs on, and where it reads its data.
#pragma once

#include <string>
#include <string_view>

namespace dateline {

// Dateline's version, as meson.build gives it: "0.1.0".
std::string_view version();

// "dateline-index 0.1.0\nXapian 1.4.22\ndata /usr/share/dateline\n"
std::string version_text(std::string_view program);

}  // namespace dateline
