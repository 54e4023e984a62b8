// SPDX-License-Identifier: GPL-2.0-or-later
// Stored articles packed with a dictionary of the database's own
// (shared/stored_data.hpp): a rebuild trains one on its first articles, on
// real news text (the BBC articles of ../shared) it takes well under what
// Xapian's zlib makes of each article alone, and every reader gets the same
// articles back: decode_article, search with snippets over two shards with
// two dictionaries, over xapian-tcpsrv, and an update in place.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>

#include <nlohmann/json.hpp>
#include <xapian.h>
#include <zlib.h>

#include "indexer/commands/update.hpp"
#include "indexer/ingest/input_file.hpp"
#include "indexer/write/run_observer.hpp"
#include "shared/document_codec.hpp"
#include "shared/error.hpp"
#include "shared/schema.hpp"
#include "shared/store.hpp"
#include "shared/stored_data.hpp"
#include "tests/support.hpp"

using namespace dateline;
using test::run_command;
using test::shell_quote;

namespace {

bool is_packed(const std::string& data) { return data.size() > 4 && data.compare(0, 4, "\x28\xB5\x2F\xFD") == 0; }

std::size_t zlib_size(const std::string& data) {
    uLongf size = compressBound(data.size());
    std::string out(size, '\0');
    REQUIRE(compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(data.data()),
                      data.size(), 6) == Z_OK);
    return size;
}

// The BBC articles' lines, the first `half` into a.jsonl, the rest into b.jsonl.
std::vector<std::string> bbc_lines() {
    std::string problem;
    auto text = indexer::read_input_file((test::team_kit_dir() / "corpora/bbc_news/bbc_news.jsonl.gz").string(), problem);
    REQUIRE(text);
    std::vector<std::string> lines;
    for (std::size_t start = 0; start < text->size();) {
        std::size_t end = std::min(text->find('\n', start), text->size());
        if (end > start) lines.push_back(text->substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

void write_lines(const std::filesystem::path& path, const std::vector<std::string>& lines, std::size_t from,
                 std::size_t to) {
    std::ofstream out(path);
    for (std::size_t i = from; i < to; ++i) out << lines[i] << '\n';
}

void rebuild(const std::string& db, const std::string& input) {
    indexer::SilentObserver silent;
    indexer::rebuild_database({.database = db, .paths = {input}}, silent);
}

nlohmann::json search_json(const std::string& databases, const std::string& query) {
    auto result = run_command(test::search_binary() + " " + databases + " --json --limit 10 --no-facets " +
                              shell_quote(query));
    INFO(result.err);
    REQUIRE(result.status == 0);
    return nlohmann::json::parse(result.out);
}

}  // namespace

TEST_CASE("a rebuild packs its stored articles with a dictionary of its own, and every reader unpacks them",
          "[packing]") {
    if (test::skip_without_team_kit()) return;
    test::TempDir dir;
    std::vector<std::string> lines = bbc_lines();
    REQUIRE(lines.size() > 2000);
    const std::size_t half = lines.size() / 2;
    write_lines(dir.path() / "a.jsonl", lines, 0, half);
    write_lines(dir.path() / "b.jsonl", lines, half, lines.size());
    rebuild(dir / "a", dir / "a.jsonl");
    rebuild(dir / "b", dir / "b.jsonl");

    Xapian::Database a = store::open_for_search({dir / "a"});
    Xapian::Database b = store::open_for_search({dir / "b"});
    std::string dictionary_a = a.get_metadata(std::string(schema::article_dictionary_metadata));
    std::string dictionary_b = b.get_metadata(std::string(schema::article_dictionary_metadata));
    REQUIRE_FALSE(dictionary_a.empty());
    CHECK(dictionary_a != dictionary_b);  // each database learns its own

    std::size_t packed = 0, zlib_alone = 0;
    for (auto id = a.postlist_begin(""); id != a.postlist_end(""); ++id) {
        std::string data = a.get_document(*id).get_data();
        REQUIRE(is_packed(data));
        Article article = decode_article(data);
        CHECK_FALSE(article.title.empty());
        CHECK(article.body.size() > 100);
        packed += data.size();
        zlib_alone += zlib_size(encode_article(article));
    }
    // Measured: 0.79 of zlib's size on these articles.
    CHECK(static_cast<double>(packed) < 0.85 * static_cast<double>(zlib_alone));

    // Two shards, two dictionaries: the hits of both, each with a snippet
    // of its own article.
    for (const std::string query : {"people", "government", "\"first time\""}) {
        INFO(query);
        nlohmann::json both = search_json("--db " + shell_quote(dir / "a") + " --db " + shell_quote(dir / "b"), query);
        REQUIRE(both["hits"].size() == 10);
        std::set<std::string> shards;
        for (const auto& hit : both["hits"]) {
            std::string source = hit["source"];
            shards.insert(source.substr(0, source.find('#')));
            CHECK(hit["snippet"].get<std::string>().size() > 40);
        }
        CHECK(shards.size() == 2);
    }
    test::TcpServer server(dir / "a");
    REQUIRE_FALSE(server.address().empty());
    // The same answer, but for the manifest, which says where it came from.
    nlohmann::json remote = search_json("--db " + server.address(), "economy growth");
    nlohmann::json local = search_json("--db " + shell_quote(dir / "a"), "economy growth");
    CHECK(remote["manifest"]["databases"][0]["uuid"] == local["manifest"]["databases"][0]["uuid"]);
    remote.erase("manifest");
    local.erase("manifest");
    CHECK(remote == local);

    // An update in place packs what it adds with the database's dictionary.
    test::write_file(dir.path() / "new" / "quay.jsonl",
                     R"({"title": "Night ferry to Harbourton resumes after repairs", "outlet": "The Harbour Courier", )"
                     R"("date": "2024-03-02", "text": "The night ferry between Northgate and Harbourton sailed again )"
                     R"(on Friday, three weeks after a fault in its steering gear kept it in dock."})"
                     "\n");
    indexer::update_database({.database = dir / "a", .paths = {(dir.path() / "new").string()}});
    Xapian::Database updated = store::open_for_search({dir / "a"});
    Xapian::PostingIterator added = updated.postlist_begin("Zferri");
    REQUIRE(added != updated.postlist_end("Zferri"));
    bool found = false;
    for (; added != updated.postlist_end("Zferri"); ++added) {
        std::string data = updated.get_document(*added).get_data();
        CHECK(is_packed(data));
        found = found || decode_article(data).title == "Night ferry to Harbourton resumes after repairs";
    }
    CHECK(found);
}

TEST_CASE("stored data names its dictionary: one no database holds is a clear error", "[packing]") {
    if (test::skip_without_team_kit()) return;
    std::vector<std::string> samples;
    for (const std::string& line : bbc_lines()) {
        std::string upper = line;  // unlike any database's text: a dictionary no test registers
        for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        samples.push_back(upper);
    }
    std::string dictionary = stored_data::train_dictionary(samples);
    REQUIRE_FALSE(dictionary.empty());
    std::string packed = stored_data::Packer(dictionary).pack(samples[7]);
    std::string buffer;
    CHECK_THROWS_WITH(stored_data::unpack(packed, buffer), Catch::Contains("needs dictionary"));
    stored_data::register_dictionary(dictionary);
    CHECK(stored_data::unpack(packed, buffer) == samples[7]);
    CHECK_THROWS_AS(stored_data::unpack(packed.substr(0, packed.size() - 3), buffer), Error);
}

TEST_CASE("a rebuild of a few articles stores them plain: too few to learn a dictionary from", "[packing]") {
    test::TempDir dir;
    indexer::UpdateRequest request = test::sample_request(dir / "db");
    indexer::SilentObserver silent;
    indexer::rebuild_database(request, silent);
    Xapian::Database db = store::open_for_search({dir / "db"});
    CHECK(db.get_metadata(std::string(schema::article_dictionary_metadata)).empty());
    std::string data = db.get_document(db.postlist_begin("").operator*()).get_data();
    CHECK(data.starts_with("{"));
    CHECK_FALSE(decode_article(data).title.empty());
    CHECK(stored_data::train_dictionary({data, data}).empty());
    CHECK(stored_data::Packer().pack(data) == data);
}

TEST_CASE("an update that makes a new database trains its dictionary on its first articles", "[packing]") {
    if (test::skip_without_team_kit()) return;
    test::TempDir dir;
    std::vector<std::string> lines = bbc_lines();
    write_lines(dir.path() / "bbc.jsonl", lines, 0, 1000);
    indexer::IndexingReport report = indexer::update_database({.database = dir / "db", .paths = {dir / "bbc.jsonl"}});
    CHECK(report.added == 1000);
    Xapian::Database db = store::open_for_search({dir / "db"});
    CHECK_FALSE(db.get_metadata(std::string(schema::article_dictionary_metadata)).empty());
    CHECK(db.get_doccount() == 1000);
    std::set<std::string> titles;
    for (auto id = db.postlist_begin(""); id != db.postlist_end(""); ++id) {
        std::string data = db.get_document(*id).get_data();
        REQUIRE(is_packed(data));
        titles.insert(decode_article(data).title);
    }
    std::set<std::string> given;
    for (std::size_t i = 0; i < 1000; ++i) given.insert(nlohmann::json::parse(lines[i])["title"].get<std::string>());
    CHECK(titles == given);  // none lost or garbled while held
}
