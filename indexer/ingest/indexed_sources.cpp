// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/ingest/indexed_sources.hpp"

#include "shared/schema.hpp"
#include "shared/stable_hash.hpp"

namespace dateline::indexer {

std::uint64_t record_key_hash(std::string_view key) { return StableHash().add(key).value(); }

IndexedSources load_indexed_sources(const Xapian::Database& db) {
    IndexedSources sources;
    sources.reserve(db.get_doccount());
    // Both slots in docid order, side by side.
    auto hash = db.valuestream_begin(schema::content_hash.slot);
    const auto hash_end = db.valuestream_end(schema::content_hash.slot);
    for (auto it = db.valuestream_begin(schema::source.slot); it != db.valuestream_end(schema::source.slot); ++it) {
        IndexedSource& source = sources[record_key_hash(*it)];
        source.document = it.get_docid();
        if (hash != hash_end && hash.get_docid() < source.document) hash.skip_to(source.document);
        if (hash != hash_end && hash.get_docid() == source.document) source.content_hash = schema::parse_content_hash(*hash);
    }
    // The other records that give an article: few, and only in a slot of their own.
    for (auto it = db.valuestream_begin(schema::also_from.slot); it != db.valuestream_end(schema::also_from.slot); ++it)
        for (const schema::RecordSource& other : schema::parse_also_from(*it))
            sources.try_emplace(record_key_hash(other.key), IndexedSource{it.get_docid(), other.content_hash});
    return sources;
}

}  // namespace dateline::indexer
