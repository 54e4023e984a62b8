// SPDX-License-Identifier: GPL-2.0-or-later
// Where the data Dateline ships with (gazetteers, the recogniser's model, the
// entity alias table, outlet names) is found: $DATELINE_DATA_DIR when set,
// else the source tree's data/ for a build that was not installed, else the
// installed copy under the data directory meson was configured with.
#pragma once

#include <filesystem>

namespace dateline {

std::filesystem::path data_dir();

}  // namespace dateline
