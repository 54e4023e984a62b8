// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "shared/analysis.hpp"
#include "shared/schema.hpp"
#include "shared/store.hpp"
#include "tests/support.hpp"

using namespace dateline;

namespace {

ErrorKind kind_of_search_error(const std::string& path) {
    try {
        store::open_for_search({path});
    } catch (const Error& e) {
        return e.kind();
    }
    return ErrorKind::internal;
}

}  // namespace

TEST_CASE("a new database is stamped with the schema version and analysis", "[store]") {
    test::TempDir dir;
    { store::open_for_update(dir / "db").commit(); }
    Xapian::Database db(dir / "db");
    CHECK(db.get_metadata(std::string(store::schema_version_key)) == std::to_string(schema::version));
    CHECK(db.get_metadata(std::string(store::analysis_key)) == analysis::describe());
    CHECK_NOTHROW(store::open_for_search({dir / "db"}));
}

TEST_CASE("a database with another schema version is refused with a hint to rebuild", "[store]") {
    test::TempDir dir;
    {
        Xapian::WritableDatabase db = store::open_for_update(dir / "db");
        db.set_metadata(std::string(store::schema_version_key), "0");
        db.commit();
    }
    try {
        store::open_for_search({dir / "db"});
        FAIL("an old schema was accepted");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::schema_mismatch);
        CHECK_THAT(e.what(), Catch::Contains("schema 0"));
        CHECK_THAT(e.hint(), Catch::Contains("dateline-index rebuild"));
    }
    CHECK_THROWS_AS(store::open_for_update(dir / "db"), Error);
}

TEST_CASE("a Xapian database Dateline did not write is refused", "[store]") {
    test::TempDir dir;
    {
        Xapian::WritableDatabase db(dir / "foreign", Xapian::DB_CREATE);
        db.add_document(Xapian::Document());
        db.commit();
    }
    CHECK(kind_of_search_error(dir / "foreign") == ErrorKind::schema_mismatch);
}

TEST_CASE("a missing database is a database error that says how to create one", "[store]") {
    test::TempDir dir;
    try {
        store::open_for_search({dir / "nothing-here"});
        FAIL("a missing database was opened");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::database);
        CHECK_THAT(e.what(), Catch::Contains("no database at") && Catch::Contains("nothing-here"));
        CHECK_THAT(e.hint(), Catch::Contains("dateline-index update"));
    }
}

TEST_CASE("a second writer is told the database is locked", "[store]") {
    test::TempDir dir;
    Xapian::WritableDatabase first = store::open_for_update(dir / "db");
    try {
        store::open_for_update(dir / "db");
        FAIL("two writers were allowed");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::locked);
        CHECK(exit_status_for(e.kind()) == exit_status::locked);
    }
}
