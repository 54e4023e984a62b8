// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/ingest/indexed_sources.hpp"

#include "shared/schema.hpp"

namespace dateline::indexer {

IndexedSources load_indexed_sources(const Xapian::Database& db) {
    IndexedSources sources;
    for (auto it = db.valuestream_begin(schema::source.slot); it != db.valuestream_end(schema::source.slot); ++it)
        sources[*it].document = it.get_docid();
    std::unordered_map<Xapian::docid, std::string> hashes;
    for (auto it = db.valuestream_begin(schema::content_hash.slot); it != db.valuestream_end(schema::content_hash.slot);
         ++it)
        hashes[it.get_docid()] = *it;
    for (auto& [path, source] : sources) source.content_hash = hashes[source.document];
    return sources;
}

}  // namespace dateline::indexer
