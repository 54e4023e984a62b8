// SPDX-License-Identifier: GPL-2.0-or-later
// The facet columns file: the same values as the slots, used only at the
// revision it was made from, and a damaged file refused or bounded.
#include <catch2/catch.hpp>

#include <fstream>

#include "searcher/search.hpp"
#include "shared/facet_columns.hpp"
#include "shared/generations.hpp"
#include "shared/schema.hpp"
#include "tests/support.hpp"

using namespace dateline;

namespace {

std::filesystem::path live(const std::string& db) { return std::filesystem::path(db) / *store::live_generation(db); }

// What a field's slot says of document d, as sorted strings.
std::vector<std::string> slot_values(const Xapian::Document& document, const schema::Field& field) {
    std::vector<std::string> values;
    std::string raw = document.get_value(field.slot);
    if (field.has(schema::multi_value)) schema::for_each_value(raw, [&](std::string_view v) { values.emplace_back(v); });
    else if (!raw.empty()) values.push_back(raw);
    std::sort(values.begin(), values.end());
    return values;
}

}  // namespace

TEST_CASE("facet columns hold every facet value of every document, as the slots do", "[facets][columns]") {
    test::TempDir dir;
    test::build_sample_database(dir / "db");
    Xapian::Database db(live(dir / "db").string());
    auto columns = FacetColumns::open(live(dir / "db"), db);
    REQUIRE(columns);
    std::size_t facet_fields = 0;
    for (const schema::Field& field : schema::all_fields) facet_fields += field.has(schema::facet);
    REQUIRE(columns->fields().size() == facet_fields);
    for (Xapian::docid d = 1; d <= db.get_lastdocid(); ++d) {
        Xapian::Document document = db.get_document(d);
        std::span<const std::uint32_t> row = columns->row(d);
        for (const FacetColumns::Field& column : columns->fields()) {
            const schema::Field& field = *std::find_if(schema::all_fields.begin(), schema::all_fields.end(),
                                                       [&](const schema::Field& s) { return s.has(schema::facet) && s.slot == column.slot; });
            std::vector<std::string> from_row;
            for (std::uint32_t number : row)
                if (number > column.first && number <= column.first + column.value_count())
                    from_row.emplace_back(column.value(number - column.first));
            std::sort(from_row.begin(), from_row.end());
            INFO("document " << d << ", field " << field.name);
            CHECK(from_row == slot_values(document, field));
        }
    }
}

TEST_CASE("facet columns are ignored once the database has moved on, and refused when damaged", "[facets][columns]") {
    test::TempDir dir;
    test::build_sample_database(dir / "db");
    std::filesystem::path generation = live(dir / "db");
    std::filesystem::path file = generation / std::string(facet_columns_file);
    {
        Xapian::Database db(generation.string());
        REQUIRE(FacetColumns::open(generation, db));
    }
    // Cut short: refused.
    std::string whole;
    {
        std::ifstream in(file, std::ios::binary);
        whole.assign(std::istreambuf_iterator<char>(in), {});
    }
    test::write_file(file, whole.substr(0, whole.size() / 2));
    CHECK_FALSE(FacetColumns::open(generation, Xapian::Database(generation.string())));
    // Rows overwritten with nonsense: searches still answer, every read bounded.
    std::string damaged = whole;
    for (std::size_t i = 200; i < damaged.size() / 2; ++i) damaged[i] = '\xff';
    test::write_file(file, damaged);
    searcher::SearchRequest request;
    request.databases = {dir / "db"};
    request.query = "harbourton";
    CHECK_NOTHROW(searcher::search(request));
    // A commit after the columns were made: they no longer describe the database.
    test::write_file(file, whole);
    {
        Xapian::WritableDatabase db(generation.string(), Xapian::DB_OPEN);
        db.set_metadata("test", "a commit");
        db.commit();
    }
    CHECK_FALSE(FacetColumns::open(generation, Xapian::Database(generation.string())));
}
