// SPDX-License-Identifier: GPL-2.0-or-later
// Groups of syndicated copies as the indexer writes them: a wire story (two
// of the sample's Meridian Wire stories as one, long enough to be grouped)
// run by other sites, added by later updates, rebuilt; cluster:ID finds the
// group.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include <xapian.h>

#include "indexer/commands/update.hpp"
#include "searcher/search.hpp"
#include "shared/schema.hpp"
#include "shared/store.hpp"
#include "tests/support.hpp"

using namespace dateline;
namespace fs = std::filesystem;

namespace {

// 130 words: the sample's stories alone are under the 80 words a text
// needs to be grouped (indexer/clusters/copy_clusters.hpp).
std::string wire_story() {
    std::string later = test::read_file(test::sample_dir() / "articles/meridian-wire/2024-01-17-harbourton-strike-ends.txt");
    return test::read_file(test::sample_dir() / "articles/meridian-wire/2024-01-05-harbourton-port-strike-vote.txt") + "\n" +
           later.substr(later.find("\n\n") + 2);
}

struct Copy {
    fs::path folder, manifest;
};

// The wire story as site runs it on date: its furniture around it, the
// headline line kept, a word changed (the wire's own copy: as sent); in a
// folder of its own, with a manifest beside it.
Copy syndicate(const fs::path& dir, const std::string& site, const std::string& date) {
    std::string story = wire_story();
    if (site == "Coast Wire Service") {
        test::write_file(dir / site / "story.txt", story);
        test::write_file(dir / (site + ".jsonl"),
                         "{\"path\": \"" + site + "/story.txt\", \"outlet\": \"" + site + "\", \"date\": \"" + date + "\"}\n");
        return {dir / site, dir / (site + ".jsonl")};
    }
    story.replace(story.find("dispute"), 7, "row");
    std::size_t headline_end = story.find("\n\n");
    std::string copy = story.substr(0, headline_end) + "\n\nBy Staff Reporter | " + site + " | 3 min read" +
                       story.substr(headline_end) + "\nShare this article: Facebook Twitter Email\n";
    test::write_file(dir / site / "story.txt", copy);
    test::write_file(dir / (site + ".jsonl"),
                     "{\"path\": \"" + site + "/story.txt\", \"outlet\": \"" + site + "\", \"date\": \"" + date + "\"}\n");
    return {dir / site, dir / (site + ".jsonl")};
}

indexer::UpdateRequest copy_request(const std::string& db, const Copy& copy) {
    return {.database = db, .paths = {copy.folder.string()}, .manifests = {copy.manifest.string()}};
}

// Each grouped article's outlet -> its group id.
std::map<std::string, std::string> groups(const std::string& db_path) {
    Xapian::Database db = store::open_for_search({db_path});
    std::map<std::string, std::string> found;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        Xapian::Document document = db.get_document(*it);
        std::string group = document.get_value(schema::cluster.slot);
        if (!group.empty()) found[document.get_value(schema::outlet.slot)] = group;
    }
    return found;
}

unsigned cluster_matches(const std::string& db, const std::string& id) {
    searcher::Searcher searcher({db});
    searcher::SearchRequest request;
    request.query = "cluster:" + id;
    return searcher.search(request).total;
}

}  // namespace

TEST_CASE("copies indexed with their original share one group, named after it, that cluster:ID finds", "[update][clusters]") {
    test::TempDir dir;
    indexer::update_database(test::sample_request(dir / "db"));
    const Copy wire = syndicate(dir.path(), "Coast Wire Service", "2024-01-05");
    indexer::update_database(copy_request(dir / "db", wire));
    auto alone = groups(dir / "db");
    CHECK(alone.empty());  // the sample's 44 stories are no copies of each other, nor the wire's of them

    const Copy valley = syndicate(dir.path(), "The Valley Ledger", "2024-01-06");
    indexer::update_database(copy_request(dir / "db", valley));
    auto first = groups(dir / "db");
    REQUIRE(first.size() == 2);
    CHECK(first["Coast Wire Service"] == first["The Valley Ledger"]);
    const std::string id = first["Coast Wire Service"];
    CHECK(id.size() == 16);
    CHECK(cluster_matches(dir / "db", id) == 2);

    // A later copy joins the same group: its id does not change.
    const Copy northgate = syndicate(dir.path(), "Northgate Evening Post", "2024-01-09");
    indexer::update_database(copy_request(dir / "db", northgate));
    auto second = groups(dir / "db");
    CHECK(second.size() == 3);
    CHECK(second["Northgate Evening Post"] == id);
    CHECK(second["Coast Wire Service"] == id);
    CHECK(cluster_matches(dir / "db", id) == 3);

    // Each copy found says where the others ran and which came first;
    // collapsed, the three are one story.
    searcher::Searcher searcher({dir / "db"});
    searcher::SearchRequest request;
    request.query = "harbourton strike";
    request.limit = 100;  // all of them
    searcher::SearchResult every = searcher.search(request);
    std::set<std::string> outlets{"Coast Wire Service", "The Valley Ledger", "Northgate Evening Post"};
    unsigned copies_seen = 0;
    for (const searcher::Hit& hit : every.hits) {
        if (hit.cluster != id) continue;
        ++copies_seen;
        REQUIRE(hit.copies);
        CHECK(hit.copies->others == 2);
        std::set<std::string> others = outlets;
        others.erase(hit.article.outlet);
        CHECK(std::set<std::string>(hit.copies->outlets.begin(), hit.copies->outlets.end()) == others);
        CHECK(hit.copies->earliest.outlet == "Coast Wire Service");
        CHECK(hit.copies->earliest.date == "2024-01-05");
        if (hit.article.outlet == "Coast Wire Service") CHECK(hit.copies->earliest.id == hit.id);
    }
    CHECK(copies_seen == 3);
    request.collapse = true;
    searcher::SearchResult collapsed = searcher.search(request);
    CHECK(collapsed.total == every.total);
    CHECK(collapsed.stories == every.total - 2);
    CHECK(std::count_if(collapsed.hits.begin(), collapsed.hits.end(),
                        [&](const searcher::Hit& hit) { return hit.cluster == id; }) == 1);
    // The same served by xapian-tcpsrv (read by queries, not the slot).
    {
        test::TcpServer server(dir / "db");
        REQUIRE_FALSE(server.address().empty());
        searcher::SearchRequest remote = request;
        remote.databases = {server.address()};
        remote.collapse = false;
        searcher::SearchResult served = searcher::search(remote);
        REQUIRE(served.hits.size() == every.hits.size());
        for (std::size_t i = 0; i < every.hits.size(); ++i) {
            INFO(every.hits[i].article.outlet);
            CHECK(served.hits[i].cluster == every.hits[i].cluster);
            REQUIRE(served.hits[i].copies.has_value() == every.hits[i].copies.has_value());
            if (!every.hits[i].copies) continue;
            CHECK(served.hits[i].copies->others == every.hits[i].copies->others);
            CHECK(served.hits[i].copies->outlets == every.hits[i].copies->outlets);
            CHECK(served.hits[i].copies->earliest.id == every.hits[i].copies->earliest.id);
        }
    }

    // A copy run a month later is another story's day: not compared.
    const Copy hillside = syndicate(dir.path(), "The Hillside Herald", "2024-02-20");
    indexer::update_database(copy_request(dir / "db", hillside));
    CHECK(groups(dir / "db").count("The Hillside Herald") == 0);

    // A rebuild of the same articles gives the same groups.
    indexer::SilentObserver silent;
    auto rebuilt = indexer::rebuild_database(
        {.database = dir / "db",
         .paths = {(test::sample_dir() / "articles").string(), wire.folder.string(), valley.folder.string(),
                   northgate.folder.string(), hillside.folder.string()},
         .manifests = {(test::sample_dir() / "manifest.jsonl").string(), wire.manifest.string(), valley.manifest.string(),
                       northgate.manifest.string(), hillside.manifest.string()}},
        silent);
    CHECK(rebuilt.documents_in_database == 48);
    CHECK(groups(dir / "db") == second);
}

TEST_CASE("articles left ungrouped by a run killed before its grouping are grouped by the next run", "[update][clusters]") {
    test::TempDir dir;
    indexer::update_database(test::sample_request(dir / "db"));
    indexer::update_database(copy_request(dir / "db", syndicate(dir.path(), "Coast Wire Service", "2024-01-05")));
    indexer::update_database(copy_request(dir / "db", syndicate(dir.path(), "The Valley Ledger", "2024-01-06")));
    const auto grouped = groups(dir / "db");
    REQUIRE(grouped.size() == 2);
    {
        // What a run killed between its last batch and the grouping leaves:
        // the copies written, no group, the grouping's mark where it was.
        Xapian::WritableDatabase db = store::open_for_update(dir / "db");
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
            Xapian::Document document = db.get_document(*it);
            if (document.get_value(schema::cluster.slot).empty()) continue;
            document.add_value(schema::cluster.slot, "");
            db.replace_document(*it, document);
        }
        db.set_metadata(std::string(schema::copies_grouped_metadata),
                        Xapian::sortable_serialise(double(schema::commit_sequence(db) - 1)));
        db.commit();
    }
    REQUIRE(groups(dir / "db").empty());
    indexer::update_database(test::sample_request(dir / "db"));  // nothing new to write
    CHECK(groups(dir / "db") == grouped);
}

TEST_CASE("copies added by runs told not to group them are grouped by the next run that does", "[update][clusters]") {
    test::TempDir dir;
    indexer::update_database(test::sample_request(dir / "db"));
    for (const auto& [site, date] : {std::pair{"Coast Wire Service", "2024-01-05"}, {"The Valley Ledger", "2024-01-06"}}) {
        indexer::UpdateRequest later = copy_request(dir / "db", syndicate(dir.path(), site, date));
        later.copy_groups = false;
        indexer::update_database(later);
    }
    CHECK(groups(dir / "db").empty());
    indexer::update_database(test::sample_request(dir / "db"));  // nothing new to index
    auto grouped = groups(dir / "db");
    CHECK(grouped.size() == 2);
    CHECK(grouped["Coast Wire Service"] == grouped["The Valley Ledger"]);
}

TEST_CASE("a copy older than a group's first, added later, joins the group under its id", "[update][clusters]") {
    test::TempDir dir;
    indexer::update_database(test::sample_request(dir / "db"));
    indexer::update_database(copy_request(dir / "db", syndicate(dir.path(), "Coast Wire Service", "2024-01-05")));
    indexer::update_database(copy_request(dir / "db", syndicate(dir.path(), "The Valley Ledger", "2024-01-06")));
    const std::string id = groups(dir / "db")["Coast Wire Service"];
    REQUIRE(!id.empty());
    indexer::update_database(copy_request(dir / "db", syndicate(dir.path(), "The Early Edition", "2024-01-04")));
    auto grouped = groups(dir / "db");
    CHECK(grouped.size() == 3);
    for (const auto& [outlet, group] : grouped) CHECK(group == id);
    // And a rebuild keeps it, though it would name a new group after the
    // oldest copy.
    indexer::SilentObserver silent;
    indexer::UpdateRequest all = test::sample_request(dir / "db");
    for (const char* site : {"Coast Wire Service", "The Valley Ledger", "The Early Edition"}) {
        all.paths.push_back((dir.path() / site).string());
        all.manifests.push_back((dir.path() / (std::string(site) + ".jsonl")).string());
    }
    indexer::rebuild_database(all, silent);
    CHECK(groups(dir / "db") == grouped);
}
