// SPDX-License-Identifier: GPL-2.0-or-later
// What the database already holds, by source file: which document and the
// hash of the input it was built from. Read once per run from two value
// slots, so deciding that a file is unchanged costs no document reads.
#pragma once

#include <string>
#include <unordered_map>

#include <xapian.h>

namespace dateline::indexer {

struct IndexedSource {
    Xapian::docid document = 0;
    std::string content_hash;
};

using IndexedSources = std::unordered_map<std::string, IndexedSource>;

IndexedSources load_indexed_sources(const Xapian::Database& db);

}  // namespace dateline::indexer
