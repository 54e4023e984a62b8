// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "indexer/extract/date_text.hpp"
#include "indexer/extract/field_lines.hpp"
#include "indexer/extract/text_encoding.hpp"
#include "tests/support.hpp"

using namespace dateline;
using namespace dateline::indexer;

namespace {

const indexer::ScrapeRules& rules() { return test::scrape_rules(); }

std::string iso(std::optional<Date> date) { return date ? format_iso_date(*date) : "none"; }

}  // namespace

TEST_CASE("dates are read as news pages write them, and only with a year", "[extract]") {
    CHECK(iso(parse_date_text("Jan. 7, 2020")) == "2020-01-07");
    CHECK(iso(parse_date_text("January 7th, 2020")) == "2020-01-07");
    CHECK(iso(parse_date_text("7 January 2020")) == "2020-01-07");
    CHECK(iso(parse_date_text("1/9/2020")) == "2020-01-09");    // month first
    CHECK(iso(parse_date_text("02/10/2020", true)) == "2020-10-02");  // day first, as a page in en-GB or German writes it
    CHECK(iso(parse_date_text("01-11-2023 10:29", true)) == "2023-11-01");
    CHECK(iso(parse_date_text("25/12/2019", true)) == "2019-12-25");
    CHECK(iso(parse_date_text("25/12/2019")) == "2019-12-25");  // cannot be month first
    CHECK(iso(parse_date_text("09.01.2020")) == "2020-01-09");  // European
    CHECK(iso(parse_date_text("2020-01-09T10:00:00Z")) == "2020-01-09");
    CHECK(iso(parse_date_text("Published Thursday, Jan. 9, 2020 10:00 am")) == "2020-01-09");
    CHECK(iso(parse_date_text("Jan. 7")) == "none");
    CHECK(iso(parse_date_text("in September 2019")) == "none");
    CHECK(iso(parse_date_text("February 30, 2020")) == "none");
    CHECK(find_dates("at 1.20am on Jan 8, 2020. PHOTO: AFP").size() == 1);
    CHECK(iso(parse_date_text("28.09.19 12:44")) == "2019-09-28");  // German short form, two digits each
    CHECK(iso(parse_date_text("26.10.98")) == "1998-10-26");
    CHECK(find_dates("version 1.10.13 and 10.12.19.4").empty());     // not version numbers
    CHECK(iso(find_weekday_date("early hours of Wednesday (Jan 8) in", std::chrono::year{2020})) == "2020-01-08");
    CHECK(iso(find_weekday_date("early hours of Thursday (Jan 8) in", std::chrono::year{2020})) == "none");
}

TEST_CASE("timestamps keep their time of day and their offset from UTC", "[extract]") {
    auto stamp = parse_timestamp("2023-11-09T06:35:29+00:00");
    REQUIRE(stamp);
    CHECK(iso(stamp->date) == "2023-11-09");
    CHECK(stamp->minute == 6 * 60 + 35);
    CHECK(stamp->offset == 0);
    CHECK(parse_timestamp("2020-05-02T02:54:29.000Z")->offset == 0);
    CHECK(parse_timestamp("2023-11-08T23:10:44-08:00")->offset == -8 * 60);
    CHECK(parse_timestamp("2020-01-20T09:49:32+0530")->offset == 5 * 60 + 30);
    auto mail = parse_timestamp("Sat, 19 Oct 2019 00:04:00 +0200");  // as e-mail and RSS write them
    REQUIRE(mail);
    CHECK(iso(mail->date) == "2019-10-19");
    CHECK(mail->minute == 4);
    CHECK(mail->offset == 120);
    CHECK_FALSE(parse_timestamp("2019-10-18 22:04")->offset);  // no offset given: none assumed
    CHECK_FALSE(parse_timestamp("2019-10-18"));                // no time of day
    CHECK_FALSE(parse_timestamp("2019-10-18T25:04"));
    // 06:35 UTC is 22:35 the evening before in Los Angeles; 22:04 UTC is past midnight in Vienna.
    CHECK(iso(date_at_offset(*stamp, -8 * 60)) == "2023-11-08");
    CHECK(iso(date_at_offset(*parse_timestamp("2019-10-18T22:04:00Z"), 120)) == "2019-10-19");
    CHECK(iso(date_at_offset(*mail, 0)) == "2019-10-18");
}

TEST_CASE("dates labelled as published are told from dates labelled as changed", "[extract]") {
    auto labelled = [](std::string_view text, DateLabel wanted) { return iso(find_labelled_date(text, wanted)); };
    CHECK(labelled("Published on August 19, 2019 \xe2\x80\xa2 319 Likes", DateLabel::published) == "2019-08-19");
    CHECK(labelled("Updated: 11.04.2020, 10:27 | Publiziert: 03.04.2020, 12:35", DateLabel::published) == "2020-04-03");
    CHECK(labelled("Letzte \xc3\x84nderung: 31.10.2023 Erschienen am: 01.11.2023", DateLabel::published) == "2023-11-01");
    CHECK(labelled("Stammtisch am 5. Februar 2020 ab 19 Uhr", DateLabel::published) == "none");
    // With none wanted: any date but a changed one.
    CHECK(labelled("Zuletzt ge\xc3\xa4ndert am: 15.10.2021", DateLabel::none) == "none");
    CHECK(labelled("By Mara Quint | 2. Mai 2024", DateLabel::none) == "2024-05-02");
    std::string_view line = "Updated 9 Jan 2020";
    CHECK(label_before(line, 0, line.find('9')) == DateLabel::changed);
}

TEST_CASE("datelines, with their wire credits", "[extract]") {
    auto d = read_dateline("BAGHDAD (REUTERS, BLOOMBERG, AFP) - Iran launched", rules().outlets());
    REQUIRE(d);
    CHECK(d->place == "Baghdad");
    CHECK(d->credits == std::vector<std::string>{"Reuters", "Bloomberg", "AFP"});
    CHECK(read_dateline("ISTANBUL —An Iranian commander", rules().outlets())->place == "Istanbul");
    CHECK(read_dateline("NEW YORK, Jan 7 (Reuters) - Stocks", rules().outlets())->place == "New York");
    CHECK(read_dateline("Istanbul (AP) — A court", rules().outlets())->credits == std::vector<std::string>{"Associated Press"});
    CHECK_FALSE(read_dateline("US president Donald Trump tweeted - no dateline", rules().outlets()));
    CHECK_FALSE(read_dateline("A day after President Trump backed away", rules().outlets()));
}

TEST_CASE("bylines from By lines, header lines and bios, never from By Taboola", "[extract]") {
    CHECK(read_by_line("By Jamelle Bouie") == std::vector<std::string>{"Jamelle Bouie"});
    CHECK(read_by_line("By Lara Seligman and Robbie Gramer | Jan. 7, 2020") ==
          std::vector<std::string>{"Lara Seligman", "Robbie Gramer"});
    CHECK(read_by_line("By Taboola").empty());
    CHECK(read_by_line("By Wednesday, Iranian officials were suggesting").empty());
    auto header = read_header_line("The Washington Post logo The Washington Post 1/9/2020 Kareem Fahim, Sarah Dadouch",
                                   rules().outlets());
    REQUIRE(header);
    CHECK(header->outlet == "The Washington Post");
    CHECK(format_iso_date(header->date) == "2020-01-09");
    CHECK(header->byline == std::vector<std::string>{"Kareem Fahim", "Sarah Dadouch"});
    auto bio = read_bio("Lara Seligman is a staff writer at Foreign Policy. Twitter: @laraseligman", rules());
    REQUIRE(bio);
    CHECK(bio->names == std::vector<std::string>{"Lara Seligman"});
    auto pair = read_bio("Ruth Okafor and Devika Rao report on the valley for the Ledger.", rules());
    REQUIRE(pair);
    CHECK(pair->names == std::vector<std::string>{"Ruth Okafor", "Devika Rao"});
    CHECK(bio->outlet == "Foreign Policy");
    CHECK_FALSE(read_bio("Mark Esper is the defense secretary of the United States.", rules()));
}

TEST_CASE("contact lines and photo credits are recognised", "[extract]") {
    CHECK(is_contact_or_credit("kareem.fahim@washpost.com"));
    CHECK(is_contact_or_credit("@RobbieGramer"));
    CHECK(is_contact_or_credit("EPA/ALI ABBAS"));
    CHECK(is_contact_or_credit("A man holds shrapnel from a missile, Jan 8, 2020. PHOTO: REUTERS"));
    CHECK_FALSE(is_contact_or_credit("The U.S./Iran talks were held in Geneva."));
    CHECK_FALSE(is_contact_or_credit("US"));
}

TEST_CASE("outlet names, aliases and domains are one outlet", "[extract]") {
    const OutletNames& outlets = rules().outlets();
    CHECK(outlets.canonical("washingtonpost.com") == "The Washington Post");
    CHECK(outlets.canonical("www.washingtonpost.com") == "The Washington Post");
    CHECK(outlets.canonical("Washington Post") == "The Washington Post");
    CHECK(outlets.canonical("the washington post") == "The Washington Post");
    CHECK(outlets.canonical("  The Harbour Courier ") == "The Harbour Courier");
}

TEST_CASE("invalid UTF-8 is read as Windows-1252, never dropped", "[extract]") {
    auto latin = repair_utf8("Caf\xE9 au lait \x93quoted\x94");
    REQUIRE(latin);
    CHECK(latin->text == "Café au lait “quoted”");
    CHECK(latin->warning == "not UTF-8: read as Windows-1252");
    auto mixed = repair_utf8("Sánchez and caf\xE9");
    REQUIRE(mixed);
    CHECK(mixed->text == "Sánchez and café");
    CHECK(mixed->warning == "1 byte of invalid UTF-8 read as Windows-1252");
    CHECK_FALSE(repair_utf8("plain ASCII and Sánchez"));
    CHECK(is_valid_utf8(repair_utf8("\xC0\xAF\xED\xA0\x80\xFF")->text));
}
