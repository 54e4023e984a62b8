// SPDX-License-Identifier: GPL-2.0-or-later
// An input that had to be skipped or doubted, with where (file, and line when
// there is one) and why: what reading reports, and the run's report collects.
#pragma once

#include <string>

namespace dateline::indexer {

struct InputProblem {
    std::string location;  // "path" or "path:line"
    std::string reason;
};

}  // namespace dateline::indexer
