// SPDX-License-Identifier: GPL-2.0-or-later
// Entities in the five seed articles (../shared/seeds): the spelling groups
// of expected.json fold to one entity, typed fields find every spelling, and
// the person facet holds people only.
#include <catch2/catch.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "indexer/commands/update.hpp"
#include "searcher/search.hpp"
#include "tests/support.hpp"

using namespace dateline;

namespace {

struct SeedsIndex {
    test::TempDir dir;
    SeedsIndex() { indexer::update_database({.database = dir / "db", .paths = {(test::team_kit_dir() / "seeds").string()}}); }

    searcher::SearchResult search(const std::string& query, unsigned facet_size = 0) const {
        searcher::SearchRequest request;
        request.databases = {dir / "db"};
        request.query = query;
        request.limit = 10;
        for (const char* facet : {"person", "org", "place"}) request.facet_sizes[facet] = facet_size;
        return searcher::search(request);
    }
};

std::set<std::string> files_of(const searcher::SearchResult& result) {
    std::set<std::string> files;
    for (const auto& hit : result.hits) files.insert(std::filesystem::path(hit.article.source).filename().string());
    return files;
}

const searcher::Facet& facet_named(const searcher::SearchResult& result, const std::string& name) {
    for (const auto& facet : result.facets)
        if (facet.name == name) return facet;
    throw std::runtime_error("no facet " + name);
}

}  // namespace

TEST_CASE("seeds: every same_entity group is one entity, found by each of its spellings", "[seeds][entities]") {
    if (test::skip_without_team_kit()) return;
    SeedsIndex seeds;
    std::ifstream in(test::team_kit_dir() / "seeds" / "expected.json");
    auto expected = nlohmann::json::parse(in);
    auto everything = seeds.search("Iran OR Iraq");
    REQUIRE(everything.total == 5);
    for (const auto& group : expected["same_entity"]) {
        std::string type = group["type"];
        std::set<std::string> in_files = group["in_files"];
        std::set<std::string> forms = group["forms"];
        INFO(type << ": " << group["forms"].dump());
        for (const std::string& form : forms) {
            INFO(form);
            CHECK(files_of(seeds.search(type + ":\"" + form + "\"")) == in_files);
        }
        // One facet entry, named by one of the group's spellings, counting every file.
        std::vector<searcher::FacetValue> entries;
        for (const auto& value : facet_named(everything, type).values)
            if (forms.count(value.value)) entries.push_back(value);
        REQUIRE(entries.size() == 1);
        CHECK(entries[0].count == in_files.size());
    }
}

TEST_CASE("seeds: person:soleimani and person:suleimani each find all five", "[seeds][entities]") {
    if (test::skip_without_team_kit()) return;
    SeedsIndex seeds;
    CHECK(seeds.search("person:soleimani").total == 5);
    CHECK(seeds.search("person:suleimani").total == 5);
    // A plain word that names someone finds every spelling, and says which matched.
    auto plain = seeds.search("Suleimani");
    CHECK(plain.total == 5);
    for (const auto& hit : plain.hits) {
        INFO(hit.article.source);
        bool says_soleimani = hit.article.body.find("Soleimani") != std::string::npos;
        bool listed = std::find(hit.spellings.begin(), hit.spellings.end(), "Soleimani") != hit.spellings.end();
        CHECK(says_soleimani == listed);
        if (hit.article.body.find("Suleimani") == std::string::npos) CHECK_FALSE(hit.spellings.empty());
    }
}

TEST_CASE("seeds: the person facet for Iran counts people, and only people", "[seeds][entities]") {
    if (test::skip_without_team_kit()) return;
    SeedsIndex seeds;
    auto result = seeds.search("Iran");
    std::map<std::string, unsigned> people;
    for (const auto& value : facet_named(result, "person").values) people[value.value] = value.count;
    auto count_of = [&](const std::string& surname) {
        unsigned total = 0;
        for (const auto& [name, count] : people)
            if (name.ends_with(surname)) total += count;
        return total;
    };
    CHECK(count_of("Soleimani") + count_of("Suleimani") == 5);
    CHECK(count_of("Khamenei") == 4);
    CHECK(people["Donald Trump"] == 5);
    std::set<std::string> places, outlets{"The Washington Post", "Foreign Policy", "Reuters", "MSN"};
    for (const auto& value : facet_named(result, "place").values) places.insert(value.value);
    const std::set<std::string> calendar{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                                         "Sunday", "January", "Jan", "Update", "Advertisement", "Photo"};
    for (const auto& [name, count] : people) {
        INFO(name);
        CHECK_FALSE(places.count(name));
        CHECK_FALSE(outlets.count(name));
        CHECK_FALSE(calendar.count(name));
        CHECK(std::isupper(static_cast<unsigned char>(name[0])));
    }
}
