// SPDX-License-Identifier: GPL-2.0-or-later
// Where the data Dateline ships with (gazetteers, the recogniser's model, the
// entity alias table, outlet names, the search page) is found:
// $DATELINE_DATA_DIR when set; else, for a program run from the build tree,
// the source tree's data/; else, for an installed one, PREFIX/share/dateline
// beside the PREFIX/bin it runs from (so a staged or relocated install reads
// its own copy); else the data directory meson was configured with.
#pragma once

#include <filesystem>

namespace dateline {

std::filesystem::path data_dir();

}  // namespace dateline
