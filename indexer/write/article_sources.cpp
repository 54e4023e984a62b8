// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/write/article_sources.hpp"

#include <algorithm>
#include <vector>

#include "shared/schema.hpp"

namespace dateline::indexer {

void carry_sources(const Xapian::Document& old, Xapian::Document& replacement) {
    const std::string own = replacement.get_value(schema::source.slot);
    std::vector<schema::RecordSource> sources = schema::parse_also_from(replacement.get_value(schema::also_from.slot));
    for (schema::RecordSource& source : schema::parse_also_from(old.get_value(schema::also_from.slot)))
        sources.push_back(std::move(source));
    std::string old_key = old.get_value(schema::source.slot);
    if (!old_key.empty())
        sources.push_back({old_key, schema::parse_content_hash(old.get_value(schema::content_hash.slot))});
    std::vector<schema::RecordSource> kept;
    for (schema::RecordSource& source : sources) {
        if (source.key == own) continue;
        auto same = std::find_if(kept.begin(), kept.end(), [&](const auto& k) { return k.key == source.key; });
        if (same == kept.end()) kept.push_back(std::move(source));
    }
    replacement.add_value(schema::also_from.slot, schema::also_from_value(kept));  // "" removes it
}

}  // namespace dateline::indexer
