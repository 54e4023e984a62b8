// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "shared/schema.hpp"

using namespace dateline;
using schema::Field;
using schema::no_slot;

TEST_CASE("schema checks reject a query name used twice, also as an alias", "[schema]") {
    constexpr std::array good{Field{"a", "b", "A", no_slot, 0, ""}, Field{"c", "", "C", no_slot, 0, ""}};
    constexpr std::array same_name{Field{"a", "", "A", no_slot, 0, ""}, Field{"a", "", "C", no_slot, 0, ""}};
    constexpr std::array alias_clash{Field{"a", "c", "A", no_slot, 0, ""}, Field{"c", "", "C", no_slot, 0, ""}};
    // Internal fields have no query name; several may be nameless.
    constexpr std::array nameless{Field{"", "", "A", no_slot, 0, ""}, Field{"", "", "C", no_slot, 0, ""}};
    STATIC_REQUIRE(schema::query_names_are_unique(good));
    STATIC_REQUIRE_FALSE(schema::query_names_are_unique(same_name));
    STATIC_REQUIRE_FALSE(schema::query_names_are_unique(alias_clash));
    STATIC_REQUIRE(schema::query_names_are_unique(nameless));
}

TEST_CASE("schema checks reject a missing prefix and a prefix that begins another", "[schema]") {
    constexpr std::array good{Field{"a", "", "XOUT", no_slot, 0, ""}, Field{"b", "", "XORG", no_slot, 0, ""}};
    constexpr std::array nested{Field{"a", "", "XO", no_slot, 0, ""}, Field{"b", "", "XORG", no_slot, 0, ""}};
    // A field may go without a prefix only if it makes no terms and has a slot.
    constexpr std::array value_only{Field{"", "", "", 4, 0, ""}, Field{"", "", "", 5, 0, ""}};
    constexpr std::array nowhere{Field{"", "", "", no_slot, 0, ""}};
    constexpr std::array terms_without_prefix{Field{"a", "", "", 4, schema::value_filter, ""}};
    STATIC_REQUIRE(schema::prefixes_are_unambiguous(good));
    STATIC_REQUIRE_FALSE(schema::prefixes_are_unambiguous(nested));
    STATIC_REQUIRE(schema::prefixes_are_unambiguous(value_only));
    STATIC_REQUIRE_FALSE(schema::prefixes_are_unambiguous(nowhere));
    STATIC_REQUIRE_FALSE(schema::prefixes_are_unambiguous(terms_without_prefix));
}

TEST_CASE("schema checks reject two fields in one slot, but not two without a slot", "[schema]") {
    constexpr std::array clash{Field{"a", "", "A", 3, 0, ""}, Field{"b", "", "B", 3, 0, ""}};
    constexpr std::array unslotted{Field{"a", "", "A", no_slot, 0, ""}, Field{"b", "", "B", no_slot, 0, ""}};
    STATIC_REQUIRE_FALSE(schema::slots_are_unique(clash));
    STATIC_REQUIRE(schema::slots_are_unique(unslotted));
}

TEST_CASE("the real schema passes its own checks and every facet has a slot", "[schema]") {
    STATIC_REQUIRE(schema::query_names_are_unique(schema::all_fields));
    STATIC_REQUIRE(schema::prefixes_are_unambiguous(schema::all_fields));
    STATIC_REQUIRE(schema::slots_are_unique(schema::all_fields));
    for (const Field& field : schema::all_fields)
        if (field.has(schema::facet) || field.has(schema::sortable)) CHECK(field.slot != no_slot);
}

TEST_CASE("filter terms fold case and white space so typed values find indexed ones", "[schema]") {
    CHECK(schema::filter_term(schema::outlet, "  The  Harbour\tCOURIER ") == "XOUTthe harbour courier");
    CHECK(schema::filter_term(schema::byline, "Katarzyna Wójcik") == "Akatarzyna wojcik");
    CHECK(schema::filter_term(schema::outlet, "The Harbour Courier") ==
          schema::filter_term(schema::outlet, "the harbour courier"));
}

TEST_CASE("filter terms stay within Xapian's term limit without cutting a character", "[schema]") {
    std::string long_value;
    for (int i = 0; i < 200; ++i) long_value += "é";  // 400 bytes
    std::string term = schema::filter_term(schema::person, long_value);
    CHECK(term.size() <= 245);
    CHECK(term.size() % 2 == 0);  // "XPER" + whole two-byte characters
}

TEST_CASE("a date range becomes the fewest year, month and day terms", "[schema]") {
    using namespace std::chrono;
    auto terms = [](Date a, Date b) { return schema::date_range_terms(a, b); };
    using V = std::vector<std::string>;
    CHECK(terms(2024y / 1 / 1, 2024y / 12 / 31) == V{"Y2024"});
    CHECK(terms(2024y / 2 / 1, 2024y / 2 / 29) == V{"M202402"});  // leap February, whole
    CHECK(terms(2023y / 2 / 1, 2023y / 2 / 28) == V{"M202302"});
    CHECK(terms(2024y / 2 / 3, 2024y / 2 / 3) == V{"D20240203"});
    CHECK(terms(2024y / 1 / 30, 2024y / 3 / 2) ==
          V{"D20240130", "D20240131", "M202402", "D20240301", "D20240302"});
    CHECK(terms(2023y / 12 / 1, 2025y / 1 / 31) == V{"M202312", "Y2024", "M202501"});
    CHECK(terms(2024y / 3 / 2, 2024y / 3 / 1).empty());
    // Decades cost a term a year.
    CHECK(terms(1900y / 1 / 1, 2099y / 12 / 31).size() == 200);
}

TEST_CASE("an article's id is stable and comes from its URL before its path", "[schema]") {
    Article a;
    a.source = "/archive/a.txt";
    Article same_file = a;
    same_file.title = "edited title";
    Article other_file;
    other_file.source = "/archive/b.txt";
    CHECK(schema::article_id(a) == schema::article_id(same_file));
    CHECK(schema::article_id(a) != schema::article_id(other_file));
    CHECK(schema::article_id(a).size() == 16);

    Article with_url = a;
    with_url.url = "https://example.org/story";
    Article moved = with_url;
    moved.source = "/elsewhere/story.txt";
    CHECK(schema::article_id(with_url) == schema::article_id(moved));
    // FNV-1a of "url:https://example.org/story", computed independently: ids
    // survive a change of compiler or machine.
    CHECK(schema::article_id(with_url) == "f4af6353793f4a39");
}

TEST_CASE("a content hash is stored in 8 bytes and read back, as is one stored in hex before", "[schema]") {
    for (std::uint64_t hash : {std::uint64_t{1}, std::uint64_t{0x102f290c5badeb14}, ~std::uint64_t{0}}) {
        CHECK(schema::content_hash_value(hash).size() == 8);
        CHECK(schema::parse_content_hash(schema::content_hash_value(hash)) == hash);
    }
    CHECK(schema::parse_content_hash("102f290c5badeb14") == 0x102f290c5badeb14);
    CHECK(schema::parse_content_hash("not a hash") == 0);
}

TEST_CASE("the records an article is also given by are stored with their hashes and read back", "[schema]") {
    std::vector<schema::RecordSource> sources = {{"/crawl/1.jsonl#12", 0x102f290c5badeb14},
                                                 {"/crawl/2.jsonl#3", 0}};
    CHECK(schema::parse_also_from(schema::also_from_value(sources)) == sources);
    CHECK(schema::also_from_value({}).empty());
    // A value cut short keeps the whole entries before the cut.
    std::string value = schema::also_from_value(sources);
    CHECK(schema::parse_also_from(value.substr(0, value.size() - 1)) ==
          std::vector<schema::RecordSource>{sources.front()});
    CHECK(schema::parse_also_from("no separator").empty());
}
