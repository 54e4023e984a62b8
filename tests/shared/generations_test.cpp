// SPDX-License-Identifier: GPL-2.0-or-later
// Rebuild, compaction and stats over the generation layout, on real on-disk
// databases built from the sample archive.
#include <catch2/catch.hpp>

#include <filesystem>
#include <atomic>
#include <fstream>
#include <mutex>
#include <thread>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "indexer/commands/compact.hpp"
#include "shared/database_stats.hpp"
#include "indexer/commands/update.hpp"
#include "searcher/search.hpp"
#include "shared/error.hpp"
#include "shared/generations.hpp"
#include "shared/schema.hpp"
#include "shared/store.hpp"
#include "tests/support.hpp"

using namespace dateline;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> entries(const fs::path& folder) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}



}  // namespace

TEST_CASE("rebuild makes a new generation live and removes the old one", "[generations]") {
    test::TempDir dir;
    indexer::SilentObserver silent;
    indexer::update_database(test::sample_request(dir / "db"));
    CHECK(store::live_generation(dir / "db") == "gen-000001");
    CHECK(test::count_matches(dir / "db", "Haddad") == 10);

    auto report = indexer::rebuild_database(test::sample_request(dir / "db", "meridian-wire"), silent);
    CHECK(report.generation == "gen-000002");
    CHECK(report.documents_in_database == 8);
    CHECK(entries(dir.path() / "db") == std::vector<std::string>{"XAPIANDB", "gen-000002", "writer.lock"});
    CHECK(test::count_matches(dir / "db", "Haddad") == 3);  // only the Wire's articles now
}

TEST_CASE("rebuild refuses a directory that is not a Dateline database and leaves it alone", "[generations]") {
    test::TempDir dir;
    indexer::SilentObserver silent;
    test::write_file(dir.path() / "db/precious.txt", "not a database");
    CHECK_THROWS_AS(indexer::rebuild_database(test::sample_request(dir / "db"), silent), Error);
    CHECK_THROWS_AS(indexer::update_database(test::sample_request(dir / "db")), Error);
    CHECK(entries(dir.path() / "db") == std::vector<std::string>{"precious.txt"});  // not even a lock file
}

TEST_CASE("compaction keeps every article and switches generation", "[generations]") {
    test::TempDir dir;
    indexer::update_database(test::sample_request(dir / "db"));
    auto report = indexer::compact_database(dir / "db", std::nullopt);
    CHECK(report.generation == "gen-000002");
    CHECK(report.bytes_after > 0);
    CHECK(report.bytes_after <= report.bytes_before);
    CHECK(store::live_generation(dir / "db") == "gen-000002");
    CHECK_FALSE(fs::exists(dir.path() / "db/gen-000001"));
    CHECK(test::count_matches(dir / "db", "Haddad") == 10);
    CHECK(indexer::update_database(test::sample_request(dir / "db")).unchanged == 44);
}

TEST_CASE("a generation left half-built by a killed rebuild is removed by the next writer", "[generations]") {
    test::TempDir dir;
    indexer::update_database(test::sample_request(dir / "db"));
    store::create_generation(dir / "db");  // what a rebuild killed mid-way leaves
    REQUIRE(fs::exists(dir.path() / "db/gen-000002"));
    indexer::update_database(test::sample_request(dir / "db"));
    CHECK_FALSE(fs::exists(dir.path() / "db/gen-000002"));
    CHECK(store::live_generation(dir / "db") == "gen-000001");
}

TEST_CASE("what a run killed while creating a database leaves is finished by the next update or rebuild",
          "[generations]") {
    // Each state a creation passes through, as a kill -9 would leave it.
    using Make = void (*)(const fs::path&);
    const std::vector<std::pair<std::string, Make>> states = {
        {"only the lock", [](const fs::path& db) { test::write_file(db / "writer.lock", ""); }},
        {"an empty generation", [](const fs::path& db) { fs::create_directories(db / "gen-000001"); }},
        {"a stamped generation, no stub", [](const fs::path& db) { store::create_generation(db); }},
        {"a stub not yet renamed",
         [](const fs::path& db) {
             store::create_generation(db);
             test::write_file(db / "XAPIANDB.new", "auto gen-000001\n");
         }},
        {"a rebuild's scratch",
         [](const fs::path& db) {
             fs::create_directories(db / "gen-000001.work/run-000000");
             fs::create_directories(db / "gen-000001");
         }},
    };
    for (const auto& [state, make] : states)
        for (bool rebuild : {false, true}) {
            INFO(state << (rebuild ? ", then rebuild" : ", then update"));
            test::TempDir dir;
            fs::create_directories(dir.path() / "db");
            make(dir.path() / "db");
            indexer::SilentObserver silent;
            auto report = rebuild ? indexer::rebuild_database(test::sample_request(dir / "db"), silent)
                                  : indexer::update_database(test::sample_request(dir / "db"));
            CHECK(report.documents_in_database == 44);
            std::vector<std::string> left = entries(dir.path() / "db");
            REQUIRE(left.size() == 3);
            CHECK(left[0] == "XAPIANDB");
            CHECK(left[1] == *store::live_generation(dir / "db"));
            CHECK(left[2] == "writer.lock");
        }
}

TEST_CASE("a stub naming no generation is reported, not followed", "[generations]") {
    test::TempDir dir;
    indexer::update_database(test::sample_request(dir / "db"));
    std::ofstream(dir.path() / "db/XAPIANDB") << "auto ../../etc\n";
    CHECK_THROWS_AS(store::live_generation(dir / "db"), Error);
}

TEST_CASE("stats report what the sample holds, as counted from its manifest and its articles' dates", "[generations]") {
    test::TempDir dir;
    indexer::update_database(test::sample_request(dir / "db"));
    auto stats = read_database_stats(dir / "db");
    CHECK(stats.documents == 44);
    REQUIRE(stats.first_date);
    CHECK(format_iso_date(*stats.first_date) == "2024-01-04");
    CHECK(format_iso_date(*stats.last_date) == "2024-04-25");  // "Published 25 April 2024", not in the manifest
    using Outlets = std::vector<std::pair<std::string, std::size_t>>;
    CHECK(stats.outlets == Outlets{{"The Harbour Courier", 9}, {"Meridian Wire", 8}, {"Aldermere Valley Ledger", 7},
                                   {"The Coastline Gazette", 7}, {"Northgate Evening Post", 5}});
    CHECK(stats.schema_version == std::to_string(schema::version));
    CHECK(stats.generation == "gen-000001");
    CHECK(stats.last_update.size() == 20);  // 2026-11-21T21:08:49Z
    CHECK(stats.bytes_on_disk > 0);
}

TEST_CASE("an open racing a generation switch finds the new generation instead of failing", "[generations]") {
    // A rebuild makes its generation live and then removes the old one; an
    // open that read the stub just before the switch finds its generation gone.
    test::TempDir dir;
    indexer::update_database(test::sample_request(dir / "db"));
    const fs::path db = dir.path() / "db";
    std::atomic<bool> done{false};
    std::atomic<unsigned> opens{0};
    std::mutex failures_mutex;
    std::vector<std::string> failures;
    // More searchers than cores, so that one is often preempted between
    // reading the stub and opening the generation it names.
    std::vector<std::thread> searchers;
    for (int s = 0; s < 6; ++s)
        searchers.emplace_back([&] {
            while (!done) {
                try {
                    if (store::open_for_search({db.string()}).get_doccount() == 44) ++opens;
                } catch (const Error& error) {
                    std::lock_guard lock(failures_mutex);
                    failures.push_back(error.what());
                }
            }
        });
    test::switch_generations(db, 200);
    done = true;
    for (std::thread& searcher : searchers) searcher.join();
    failures.resize(std::min<std::size_t>(failures.size(), 3));
    INFO(opens << " opens; first failures: " << fmt::format("{}", fmt::join(failures, " | ")));
    CHECK(opens > 0);
    CHECK(failures.empty());
}
