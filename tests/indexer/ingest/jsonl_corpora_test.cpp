// SPDX-License-Identifier: GPL-2.0-or-later
// JSON Lines exports from the team kit, indexed as users hand them to us:
// every record indexed or reported, and date, outlet and byline taken from
// the record wherever it has them. Expectations are counted from the raw
// records here, not through the indexer's own mapping code.
#include <catch2/catch.hpp>

#include <cstdio>
#include <memory>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "indexer/commands/update.hpp"
#include "shared/document_codec.hpp"
#include "shared/schema.hpp"
#include "shared/store.hpp"
#include "tests/support.hpp"

using namespace dateline;
using nlohmann::json;

namespace {

struct Expected {
    std::size_t records = 0, usable = 0, dated = 0, with_outlet = 0, with_byline = 0;
};

bool non_empty_string(const json& record, const char* key) {
    return record.contains(key) && record[key].is_string() && !record[key].get<std::string>().empty();
}

Expected count_raw(const std::string& corpus) {
    Expected expected;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(("zcat " + test::shell_quote(corpus)).c_str(), "r"), pclose);
    std::string line;
    for (int c; (c = fgetc(pipe.get())) != EOF;) {
        if (c != '\n') {
            line += static_cast<char>(c);
            continue;
        }
        json record = json::parse(line);
        line.clear();
        ++expected.records;
        if (!non_empty_string(record, "title") && !non_empty_string(record, "text")) continue;
        ++expected.usable;
        if (non_empty_string(record, "date") && parse_iso_date(record["date"].get<std::string>().substr(0, 10)))
            ++expected.dated;
        if (non_empty_string(record, "outlet")) ++expected.with_outlet;
        bool has_authors = record.contains("authors") && record["authors"].is_array() && !record["authors"].empty();
        if (has_authors || non_empty_string(record, "byline")) ++expected.with_byline;
    }
    return expected;
}

Expected count_indexed(const std::string& db_path) {
    Expected found;
    Xapian::Database db = store::open_for_search({db_path});  // registers its dictionary for decode_article
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        Article article = decode_article(db.get_document(*it).get_data());
        ++found.usable;
        found.dated += article.date.has_value();
        found.with_outlet += !article.outlet.empty();
        found.with_byline += !article.byline.empty();
    }
    return found;
}

}  // namespace

TEST_CASE("JSON Lines corpora: every record indexed or reported, metadata from the record", "[corpora]") {
    if (test::skip_without_team_kit()) return;
    for (const char* name : {"reuters21578/reuters21578.jsonl.gz", "buzzfeed_webis_2016/buzzfeed_webis_2016.jsonl.gz",
                             "hyperpartisan_2019/hyperpartisan_byarticle.jsonl.gz",
                             "huffpost_news_category_sample/huffpost_news_category_v3_sample.jsonl.gz"}) {
        INFO(name);
        std::string corpus = (test::team_kit_dir() / "corpora" / name).string();
        test::TempDir dir;
        // Entities are another test's business (they triple the time here).
        auto report = indexer::update_database(
            {.database = dir / "db", .paths = {corpus}, .batch_size = 5000, .entities = false});
        Expected expected = count_raw(corpus);
        CHECK(report.added + report.skipped == expected.records);
        CHECK(report.added == expected.usable);
        CHECK(report.problems.size() == report.skipped);  // each skip is reported
        Expected indexed = count_indexed(dir / "db");
        CHECK(indexed.usable == expected.usable);
        CHECK(indexed.dated == expected.dated);
        CHECK(indexed.with_outlet == expected.with_outlet);
        CHECK(indexed.with_byline == expected.with_byline);
        CHECK(indexer::update_database({.database = dir / "db", .paths = {corpus}, .entities = false}).unchanged ==
              expected.usable);
    }
}
