// SPDX-License-Identifier: GPL-2.0-or-later
// Facets over several databases at once and over Xapian's remote backend,
// served by the stock xapian-tcpsrv (which runs only Xapian's own match
// spies): both must count exactly what one local database counts.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "indexer/commands/update.hpp"
#include "tests/support.hpp"

using namespace dateline;
using test::run_command;
using test::shell_quote;

namespace {

nlohmann::json facets_of(const std::string& databases, const std::string& query) {
    auto result = run_command(test::search_binary() + " " + databases + " --json --limit 3 --facet person:0 " +
                              "--facet org:0 --facet place:0 --facet outlet:0 " + shell_quote(query));
    INFO(result.err);
    REQUIRE(result.status == 0);
    auto json = nlohmann::json::parse(result.out);
    CHECK(json["counts_exact"] == true);
    return json["facets"];
}

}  // namespace

TEST_CASE("facets are the same over two shards and over xapian-tcpsrv as over one database", "[facets][remote]") {
    if (test::skip_without_team_kit()) return;
    REQUIRE(run_command("command -v xapian-tcpsrv").status == 0);  // scripts/setup.sh installs xapian-tools
    test::TempDir dir;
    const std::string seeds = (test::team_kit_dir() / "seeds").string();
    REQUIRE(run_command(test::index_binary() + " update --quiet --db " + shell_quote(dir / "all") + " " +
                        shell_quote(seeds)).status == 0);
    // Two shards: files 000-002 and 003-004.
    for (const char* shard : {"a", "b"})
        std::filesystem::create_directories(dir.path() / (std::string(shard) + "-in"));
    for (const auto& entry : std::filesystem::directory_iterator(seeds)) {
        if (entry.path().extension() != ".txt") continue;
        bool first = entry.path().filename().string() < "003";
        std::filesystem::copy(entry.path(), dir.path() / (first ? "a-in" : "b-in") / entry.path().filename());
    }
    for (const char* shard : {"a", "b"})
        REQUIRE(run_command(test::index_binary() + " update --quiet --db " + shell_quote(dir / shard) + " " +
                            shell_quote(dir / (std::string(shard) + "-in"))).status == 0);

    test::TcpServer server(dir / "all");
    REQUIRE_FALSE(server.address().empty());
    // A phrase is ranked and counted in one match (part_match.hpp), over tcp too.
    for (const std::string query : {"Iran", "missiles", "person:soleimani", "Trump OR Khamenei", "\"Revolutionary Guards\""}) {
        INFO(query);
        auto local = facets_of("--db " + shell_quote(dir / "all"), query);
        CHECK(facets_of("--db " + shell_quote(dir / "a") + " --db " + shell_quote(dir / "b"), query) == local);
        CHECK(facets_of("--db " + server.address(), query) == local);
        CHECK(local["person"].size() > 0);
    }
}
