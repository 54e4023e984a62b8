// SPDX-License-Identifier: GPL-2.0-or-later
// DatabaseStats as text for people or as one JSON object for scripts.
#pragma once

#include <ostream>

#include "shared/database_stats.hpp"

namespace dateline::indexer {

void print_stats(std::ostream& out, const DatabaseStats& stats, bool as_json);

}  // namespace dateline::indexer
