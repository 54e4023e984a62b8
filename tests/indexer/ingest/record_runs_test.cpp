// SPDX-License-Identifier: GPL-2.0-or-later
// Records cut into runs, the unit workers take: full runs of the limit, or
// runs that start small and double, so that a small input is still shared out.
#include <catch2/catch.hpp>

#include "indexer/ingest/indexed_sources.hpp"
#include "indexer/ingest/inputs.hpp"
#include "indexer/ingest/record_runs.hpp"
#include "tests/support.hpp"

using namespace dateline;
using namespace dateline::indexer;

namespace {

// The number of records in each run of a JSON Lines file of n records.
std::vector<std::size_t> run_sizes(std::size_t n, RunLimits limits) {
    test::TempDir dir;
    std::string lines;
    for (std::size_t i = 0; i < n; ++i) lines += "{\"title\":\"t\",\"text\":\"article " + std::to_string(i) + "\"}\n";
    test::write_file(dir / "x.jsonl", lines);
    Inputs inputs = gather_inputs({dir / "x.jsonl"}, {});
    IndexingOptions options;
    IndexedSources none;
    RecordRuns runs(inputs, none, options, limits);
    std::vector<std::size_t> sizes;
    while (std::optional<Run> run = runs.next()) {
        std::size_t records = 0;
        for (const ReadItem& item : run->items) records += item.kind == ReadItem::Kind::record;
        sizes.push_back(records);
    }
    return sizes;
}

}  // namespace

TEST_CASE("record runs: runs hold the limit's records, the last what is left", "[ingest][unit]") {
    CHECK(run_sizes(25, {.records = 10}) == std::vector<std::size_t>{10, 10, 5});
}

TEST_CASE("record runs: items of every kind count toward a run, so memory stays flat when nothing is to do",
          "[ingest][unit]") {
    // Thirty files of one record: each is a record and a file done, two items.
    test::TempDir dir;
    for (int i = 0; i < 30; ++i)
        test::write_file(dir / ("f" + std::to_string(100 + i) + ".txt"), "Title\n\nArticle " + std::to_string(i) + "\n");
    Inputs inputs = gather_inputs({dir.path().string()}, {});
    IndexingOptions options;
    IndexedSources none;
    RecordRuns runs(inputs, none, options, {.records = 1000, .items = 10});
    std::size_t count = 0, records = 0;
    while (std::optional<Run> run = runs.next()) {
        CHECK(run->items.size() <= 11);  // the cap, and the file_done that may close the last record's file
        for (const ReadItem& item : run->items) records += item.kind == ReadItem::Kind::record;
        ++count;
    }
    CHECK(records == 30);
    CHECK(count >= 6);
}

TEST_CASE("record runs: from first_records, runs double up to the limit", "[ingest][unit]") {
    CHECK(run_sizes(40, {.records = 10, .first_records = 2}) == std::vector<std::size_t>{2, 4, 8, 10, 10, 6});
    // 5,000 records with the rebuild's limits still make four runs, not one.
    CHECK(run_sizes(5000, {.records = 10'000, .first_records = 625}) ==
          std::vector<std::size_t>{625, 1250, 2500, 625});
}
