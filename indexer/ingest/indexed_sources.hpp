// SPDX-License-Identifier: GPL-2.0-or-later
// What the database already holds, by record: which document and the hash
// of the input it was built from. Read once per run from two value slots,
// so deciding that a record is unchanged costs no document reads; kept as
// numbers (16 bytes a record), so a database of millions fits in a few tens
// of megabytes.
#pragma once

#include <cstdint>
#include <string_view>
#include <unordered_map>

#include <xapian.h>

namespace dateline::indexer {

struct IndexedSource {
    Xapian::docid document = 0;
    std::uint64_t content_hash = 0;
};

// By record_key_hash of the record's key ("path" or "path#line"): the
// record each document was built from, and the others that give the same
// article (schema::also_from).
using IndexedSources = std::unordered_map<std::uint64_t, IndexedSource>;

std::uint64_t record_key_hash(std::string_view key);

IndexedSources load_indexed_sources(const Xapian::Database& db);

}  // namespace dateline::indexer
