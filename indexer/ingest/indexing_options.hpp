// SPDX-License-Identifier: GPL-2.0-or-later
// How a run reads its inputs: the format, the readers' rules, what paths say,
// and the entity recogniser; and the version of extraction, which every
// article's content hash includes.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

#include "indexer/entities/entity_finder.hpp"
#include "indexer/ingest/path_template.hpp"
#include "indexer/ingest/records.hpp"

namespace dateline::indexer {

// Bump when extraction changes what it makes of the same bytes: every
// article's content hash changes with it, so the next update rewrites all.
inline constexpr std::string_view extraction_version = "3";

struct IndexingOptions {
    std::size_t batch_size = 1000;  // documents written between commits
    unsigned jobs = 1;              // threads extracting (and, for a rebuild, writing)
    InputFormat format = InputFormat::automatic;
    ReadingRules reading;  // JSON Lines keys, scraped-text rules
    std::shared_ptr<const PathTemplate> path_template;  // none: paths say nothing
    std::shared_ptr<const EntityFinder> entities;  // none: entities off
    // Group syndicated copies after writing (write/copy_groups.hpp); when
    // not, the next run that does groups what this one added.
    bool copy_groups = true;
};

}  // namespace dateline::indexer
