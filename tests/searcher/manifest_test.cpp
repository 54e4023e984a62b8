// SPDX-License-Identifier: GPL-2.0-or-later
// Reproducible answers: every answer says what it was computed from (the
// databases' UUIDs and revisions, the query as parsed, the options), a copy
// of the database at that revision gives the same answer, and a commit shows
// as a new revision.
#include <catch2/catch.hpp>

#include <filesystem>

#include <xapian.h>

#include "indexer/commands/update.hpp"
#include "searcher/json_printer.hpp"
#include "searcher/search.hpp"
#include "shared/generations.hpp"
#include "shared/store.hpp"
#include "shared/version.hpp"
#include "tests/support.hpp"

using namespace dateline;

namespace {

searcher::SearchRequest flood_request(const std::string& db) {
    searcher::SearchRequest request;
    request.databases = {db};
    request.query = "flood OR storm";
    request.since = "2024-02";
    request.limit = 5;
    return request;
}

}  // namespace

TEST_CASE("manifest: an answer names the database revision, the parsed query and the options", "[searcher][manifest]") {
    test::TempDir dir;
    test::build_sample_database(dir / "db");
    searcher::SearchResult result = searcher::search(flood_request(dir / "db"));
    const searcher::Manifest& manifest = result.manifest;
    CHECK(manifest.dateline_version == version());
    CHECK(manifest.xapian_version == Xapian::version_string());
    REQUIRE(manifest.databases.size() == 1);
    const searcher::DatabaseState& state = manifest.databases[0];
    Xapian::Database db = store::open_for_search({dir / "db"});
    CHECK(state.path == dir / "db");
    CHECK(state.uuid == db.get_uuid());
    CHECK(state.revision == db.get_revision());
    CHECK(state.generation == store::live_generation(dir / "db"));
    CHECK(state.documents == db.get_doccount());
    CHECK(manifest.parsed_query.find("Zflood") != std::string::npos);
    CHECK(manifest.parsed_query.find("M202402") != std::string::npos);  // --since, as date terms
    CHECK(manifest.weighting == "bb2:1.5");
    CHECK(manifest.since == "2024-02");
    CHECK(manifest.limit == 5);
    CHECK(manifest.facets == "exact");
    CHECK(manifest.counts_exact);
    auto json = searcher::result_json(result);
    CHECK(json["manifest"]["databases"][0]["uuid"] == db.get_uuid());
    CHECK(json["manifest"]["options"]["since"] == "2024-02");
    CHECK(json["manifest"]["options"]["until"].is_null());
}

TEST_CASE("manifest: a copy of the database at that revision gives the same answer; a commit a new revision",
          "[searcher][manifest]") {
    test::TempDir dir;
    test::build_sample_database(dir / "db");
    searcher::SearchResult first = searcher::search(flood_request(dir / "db"));
    // Kept as published: a copy of the whole database directory.
    std::filesystem::copy(dir / "db", dir / "kept", std::filesystem::copy_options::recursive);
    searcher::SearchResult again = searcher::search(flood_request(dir / "kept"));
    CHECK(again.manifest.databases[0].uuid == first.manifest.databases[0].uuid);
    CHECK(again.manifest.databases[0].revision == first.manifest.databases[0].revision);
    auto without_paths = [](searcher::SearchResult result) {
        result.manifest.databases[0].path.clear();
        return searcher::result_json(result).dump();
    };
    CHECK(without_paths(again) == without_paths(first));

    // The live database moves on: another revision, another answer.
    test::write_file(std::filesystem::path(dir / "more") / "storm.txt", "Storm floods the valley\n\nA storm flooded the valley road on Monday, "
                                                 "the council said, and the flood closed the school.\n");
    indexer::update_database({.database = dir / "db", .paths = {dir / "more"}});
    searcher::SearchRequest everything = flood_request(dir / "db");
    everything.since.clear();
    searcher::SearchResult later = searcher::search(everything);
    CHECK(later.manifest.databases[0].uuid == first.manifest.databases[0].uuid);
    CHECK(*later.manifest.databases[0].revision > *first.manifest.databases[0].revision);
    CHECK(searcher::search(flood_request(dir / "kept")).total == first.total);
}
