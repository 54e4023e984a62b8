// SPDX-License-Identifier: GPL-2.0-or-later
// dateline-index extract PATH...: every article the paths hold, extracted
// exactly as update would index it, printed as one JSON object per line
// (docs/output-format.md), with no database involved.
#pragma once

#include <ostream>

#include "indexer/write/indexing_report.hpp"
#include "indexer/write/run_observer.hpp"
#include "indexer/commands/update.hpp"

namespace dateline::indexer {

// Uses the request's paths, manifests, format, field map and entities
// switch. Records that cannot be read are reported to observer and counted
// as skipped.
IndexingReport extract_articles(const UpdateRequest& request, std::ostream& out, RunObserver& observer);

}  // namespace dateline::indexer
