// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/manifest.hpp"

#include "shared/analysis.hpp"
#include "shared/version.hpp"

namespace dateline::searcher {

Manifest describe_answer(const SearchRequest& request, const Xapian::Query& query) {
    return {.dateline_version = std::string(version()),
            .xapian_version = Xapian::version_string(),
            .databases = {},
            .parsed_query = query.get_description(),
            .weighting = request.weighting.empty() ? std::string(analysis::default_weighting) : request.weighting,
            .since = request.since,
            .until = request.until,
            .match_any = request.match_any,
            .recent = request.recent,
            .collapse = request.collapse,
            .sort = request.sort,
            .common_share = request.common_share,
            .facets = !request.facets ? "off" : request.estimate_facets ? "estimate" : "exact",
            .offset = request.offset,
            .limit = request.limit,
            .snippet_length = request.snippet_length};
}

DatabaseState describe_database(const std::string& path, const Xapian::Database& shard,
                                const std::optional<std::string>& generation) {
    DatabaseState state{.path = path, .uuid = shard.get_uuid(), .revision = {}, .generation = generation,
                        .documents = shard.get_doccount()};
    try {
        state.revision = shard.get_revision();
    } catch (const Xapian::UnimplementedError&) {
        // Some backends (a remote one, in some Xapian versions) do not tell.
    }
    return state;
}

}  // namespace dateline::searcher
