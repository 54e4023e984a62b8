// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/deadline.hpp"

#include <fmt/format.h>

#include "shared/error.hpp"

namespace dateline::searcher {

Deadline Deadline::after(double seconds) {
    auto span = std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds));
    return {std::chrono::steady_clock::now() + span, seconds};
}

void Deadline::check() const {
    if (std::chrono::steady_clock::now() < at) return;
    throw Error(ErrorKind::usage, fmt::format("the search took longer than the {:g} s a request may take", seconds),
                "narrow it (more words, a date range) or ask with facets=estimate or facets=off");
}

}  // namespace dateline::searcher
