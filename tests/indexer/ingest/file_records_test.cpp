// SPDX-License-Identifier: GPL-2.0-or-later
// A file's records as a stream: one a text file, one a JSON Lines line; a
// damaged export keeps its whole records; nothing larger than an article is
// ever held.
#include <catch2/catch.hpp>

#include <algorithm>

#include <fstream>

#include "indexer/ingest/file_records.hpp"
#include "tests/support.hpp"

using namespace dateline;
using indexer::FileRecords;
using indexer::InputFormat;
using indexer::RawRecord;

namespace {

std::vector<RawRecord> all_records(FileRecords& file) {
    std::vector<RawRecord> records;
    while (std::optional<RawRecord> record = file.next()) records.push_back(std::move(*record));
    return records;
}

void gzip(const std::string& from, const std::string& to) {
    REQUIRE(test::run_command("gzip -c " + test::shell_quote(from) + " > " + test::shell_quote(to)).status == 0);
}

}  // namespace

TEST_CASE("file records: JSON Lines are one record a non-blank line, numbered as in the file", "[ingest][unit]") {
    test::TempDir dir;
    test::write_file(dir / "x.jsonl", "{\"text\":\"1\"}\n\n{\"text\":\"3\"}\r\n{\"text\":\"4\"}");
    FileRecords file(dir / "x.jsonl", InputFormat::automatic);
    CHECK(file.format() == InputFormat::jsonl);
    auto records = all_records(file);
    REQUIRE(records.size() == 3);
    CHECK(records[0].key == dir / "x.jsonl#1");
    CHECK(records[0].bytes == "{\"text\":\"1\"}");
    CHECK(records[1].key == dir / "x.jsonl#3");
    CHECK(records[1].line == 3);
    CHECK(records[2].bytes == "{\"text\":\"4\"}");  // the last line, without a line end
    CHECK(file.cut_short().empty());
}

TEST_CASE("file records: a text file is one record, its format told by name, then content", "[ingest][unit]") {
    test::TempDir dir;
    test::write_file(dir / "a.txt", "Headline\n\nBody.\n");
    test::write_file(dir / "b.data", "{\"text\": \"t\"}\n{\"text\": \"u\"}\n");
    FileRecords text(dir / "a.txt", InputFormat::automatic);
    CHECK(text.format() == InputFormat::text);
    auto records = all_records(text);
    REQUIRE(records.size() == 1);
    CHECK(records[0].key == dir / "a.txt");
    CHECK(records[0].bytes == "Headline\n\nBody.\n");
    FileRecords sniffed(dir / "b.data", InputFormat::automatic);
    CHECK(sniffed.format() == InputFormat::jsonl);
    CHECK(all_records(sniffed).size() == 2);
    FileRecords missing(dir / "missing.txt", InputFormat::automatic);
    CHECK(missing.unreadable() == "cannot read file: No such file or directory");
    CHECK_FALSE(missing.next());
}

TEST_CASE("file records: a small article holds its own size, not the reader's room", "[ingest][unit]") {
    // Each record waits in memory until it is written. When a 3 kB file's
    // record kept the 1 MB its read had room for, a rebuild of 20,000 small
    // text files peaked at 11.1 GB of memory (168 MB since).
    test::TempDir dir;
    std::string article = "Headline\n\n" + std::string(3000, 'x') + "\n";
    test::write_file(dir / "a.txt", article);
    gzip(dir / "a.txt", dir / "b.txt.gz");
    for (const char* name : {"a.txt", "b.txt.gz"}) {
        FileRecords file(dir / name, InputFormat::text);
        auto records = all_records(file);
        REQUIRE(records.size() == 1);
        CHECK(records[0].bytes == article);
        CHECK(records[0].bytes.capacity() < 2 * article.size());
    }
}

TEST_CASE("file records: an export cut short keeps every whole record before the cut, and says where", "[ingest][unit]") {
    test::TempDir dir;
    std::string lines;
    for (int i = 1; i <= 2000; ++i)
        lines += "{\"id\": " + std::to_string(i) + ", \"title\": \"Harbour report " + std::to_string(i) +
                 "\", \"text\": \"The port handled more ships than in any week since the strike ended.\"}\n";
    test::write_file(dir / "full.jsonl", lines);
    gzip(dir / "full.jsonl", dir / "full.jsonl.gz");
    auto size = std::filesystem::file_size(dir / "full.jsonl.gz");
    REQUIRE(test::run_command("head -c " + std::to_string(size * 9 / 10) + " " + test::shell_quote(dir / "full.jsonl.gz") +
                              " > " + test::shell_quote(dir / "cut.jsonl.gz")).status == 0);
    FileRecords file(dir / "cut.jsonl.gz", InputFormat::automatic);
    auto records = all_records(file);
    CHECK(records.size() > 1500);
    CHECK(records.size() < 2000);
    CHECK(records.back().line == records.size());
    CHECK(records.back().bytes.ends_with("}"));  // whole: the cut line is not given
    CHECK_THAT(file.cut_short(), Catch::StartsWith("cannot decompress file: it ends in the middle of its gzip stream") &&
                                     Catch::Contains("reading stopped after line " + std::to_string(records.size())) &&
                                     Catch::Contains(std::to_string(records.size()) + " records kept"));

    // A single article cut short is missing its end: not kept at all, and
    // given as a record with its problem, so that it is reported as skipped.
    test::write_file(dir / "one.txt", lines);
    gzip(dir / "one.txt", dir / "one.txt.gz");
    REQUIRE(test::run_command("head -c 200 " + test::shell_quote(dir / "one.txt.gz") + " > " +
                              test::shell_quote(dir / "cut.txt.gz")).status == 0);
    FileRecords article(dir / "cut.txt.gz", InputFormat::automatic);
    std::optional<RawRecord> cut = article.next();
    REQUIRE(cut);
    CHECK(cut->bytes.empty());
    CHECK_THAT(cut->problem, Catch::StartsWith("cannot decompress file: it ends in the middle of its gzip stream"));
    CHECK_FALSE(article.next());
}

TEST_CASE("file records: a line too long for an article is reported, not held, and the next line is read", "[ingest][unit]") {
    test::TempDir dir;
    {
        std::ofstream out(dir / "big.jsonl", std::ios::binary);
        out << "{\"text\": \"before\"}\n{\"text\": \"" << std::string(17'000'000, 'x') << "\"}\n{\"text\": \"after\"}\n";
    }
    FileRecords file(dir / "big.jsonl", InputFormat::automatic);
    auto records = all_records(file);
    REQUIRE(records.size() == 3);
    CHECK(records[1].line == 2);
    CHECK(records[1].bytes.empty());
    CHECK(records[1].problem == "17.0 MB is too large for one article (the limit is 16 MB)");
    CHECK(records[2].bytes == "{\"text\": \"after\"}");
}

TEST_CASE("file records: a text file over the limit is refused by its size, unread", "[ingest][unit]") {
    test::TempDir dir;
    // Sparse: 64 MB on paper, nothing on disk.
    REQUIRE(test::run_command("truncate -s 64M " + test::shell_quote(dir / "huge.txt")).status == 0);
    FileRecords file(dir / "huge.txt", InputFormat::automatic);
    auto records = all_records(file);
    REQUIRE(records.size() == 1);
    CHECK(records[0].problem == "67.1 MB is too large for one article (the limit is 16 MB)");
}

namespace fs = std::filesystem;

TEST_CASE("file records: an article that grows or shrinks while it is read is skipped, to be read next time",
          "[ingest][unit]") {
    test::TempDir dir;
    // Longer than the first read (1 MB), so the end is read only by next().
    const std::string article = "Harbour dispute settled\n\n" + std::string(3'000'000, 'x') + "\n";
    for (const char* change : {"grows", "shrinks"}) {
        INFO(change);
        fs::path path = dir.path() / (std::string(change) + ".txt");
        test::write_file(path, article);
        FileRecords file(path, InputFormat::automatic);
        if (std::string(change) == "grows") std::ofstream(path, std::ios::app) << "more of the story\n";
        else fs::resize_file(path, 1'500'000);
        auto record = file.next();
        REQUIRE(record);
        CHECK(record->bytes.empty());
        CHECK_THAT(record->problem, Catch::StartsWith("the file changed while it was read (3000026 bytes when opened, "));
        CHECK_FALSE(file.next());
    }
    // Unchanged, it is read whole.
    test::write_file(dir.path() / "still.txt", article);
    FileRecords still(dir.path() / "still.txt", InputFormat::automatic);
    auto record = still.next();
    REQUIRE(record);
    CHECK(record->problem.empty());
    CHECK(record->bytes == article);
}

namespace {

// s (ASCII, and U+1F6A2 written as "@") in UTF-16 LE: "@" as its surrogate pair.
std::string utf16le(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '@') out += std::string("\x3D\xD8\xA2\xDE", 4);
        else out += std::string{c, '\0'};
    }
    return out;
}

}  // namespace

TEST_CASE("file records: a JSON Lines export in UTF-16 with a byte-order mark is read line by line as UTF-8",
          "[ingest][unit]") {
    test::TempDir dir;
    std::string lines;
    // Over 1 MB of UTF-16, so that pieces end inside units and pairs.
    for (int i = 1; i <= 12'000; ++i)
        lines += "{\"title\": \"Ferry " + std::to_string(i) + "\", \"text\": \"The ferry @ sails at " + std::to_string(i) + ".\"}\r\n";
    test::write_file(dir.path() / "export.jsonl", "\xFF\xFE" + utf16le(lines));
    FileRecords file(dir.path() / "export.jsonl", InputFormat::automatic);
    auto records = all_records(file);
    REQUIRE(records.size() == 12'000);
    CHECK(records[0].bytes == "{\"title\": \"Ferry 1\", \"text\": \"The ferry \xF0\x9F\x9A\xA2 sails at 1.\"}\r");
    CHECK(records.back().bytes == "{\"title\": \"Ferry 12000\", \"text\": \"The ferry \xF0\x9F\x9A\xA2 sails at 12000.\"}\r");
    CHECK(records[0].note == "read as UTF-16 LE");  // for --verbose, once a file
    CHECK(records[1].note.empty());
    CHECK(std::count_if(records.begin(), records.end(), [](const RawRecord& r) { return !r.problem.empty(); }) == 0);
}
