// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "indexer/entities/entity_finder.hpp"
#include "indexer/entities/entity_folding.hpp"
#include "shared/data_dir.hpp"

using namespace dateline;
using indexer::Mention;

namespace {

// Mentions in order; words counted from the text.
std::vector<Mention> mentions(std::vector<std::pair<EntityType, std::string>> typed, std::size_t title = 0) {
    std::vector<Mention> out;
    for (auto& [type, text] : typed) {
        std::size_t words = 1 + static_cast<std::size_t>(std::count(text.begin(), text.end(), ' '));
        out.push_back({type, text, words, out.size(), out.size() < title});
    }
    return out;
}

std::vector<std::pair<std::string, int>> named(const std::vector<Entity>& entities) {
    std::vector<std::pair<std::string, int>> out;
    for (const Entity& e : entities) out.emplace_back(e.name, e.mentions);
    std::sort(out.begin(), out.end());
    return out;
}

const EntityAliases no_aliases = EntityAliases::parse("", "none");
constexpr auto P = EntityType::person;

}  // namespace

TEST_CASE("a surname joins the full name given before it", "[entities]") {
    auto entities = indexer::fold_mentions(mentions({{P, "Donald Trump"}, {P, "Trump"}, {EntityType::org, "Trump"}}), no_aliases);
    CHECK(named(entities) == std::vector<std::pair<std::string, int>>{{"Donald Trump", 3}});
    CHECK(entities[0].forms == std::vector<std::string>{"Donald Trump", "Trump"});
    CHECK(entities[0].type == P);
}

TEST_CASE("a surname used before any full name stays its own entity, and keeps its later mentions", "[entities]") {
    // "Trump said ... Trump and first lady Melania Trump ... Trump tweeted"
    auto entities = indexer::fold_mentions(
        mentions({{P, "Trump"}, {P, "Trump"}, {P, "Melania Trump"}, {P, "Trump"}}), no_aliases);
    CHECK(named(entities) == std::vector<std::pair<std::string, int>>{{"Melania Trump", 1}, {"Trump", 3}});
}

TEST_CASE("a headline's surname joins the full name the text gives later", "[entities]") {
    auto entities = indexer::fold_mentions(
        mentions({{P, "Soleimani"}, {P, "Qassem Soleimani"}, {P, "Soleimani"}}, 1), no_aliases);
    CHECK(named(entities) == std::vector<std::pair<std::string, int>>{{"Qassem Soleimani", 3}});
}

TEST_CASE("two people of one surname stay apart; the surname joins the one most named so far", "[entities]") {
    auto entities = indexer::fold_mentions(mentions({{P, "George W. Bush"}, {P, "Bush"}, {P, "George H. W. Bush"},
                                                     {P, "Bush"}}),
                                           no_aliases);
    CHECK(named(entities) == std::vector<std::pair<std::string, int>>{{"George H. W. Bush", 1}, {"George W. Bush", 3}});
}

TEST_CASE("the recogniser's entities in raw news text: titles cut, variants and aliases folded", "[entities]") {
    auto finder = indexer::EntityFinder::load(data_dir());
    auto entities = finder.find(
        "Iran's Revolutionary Guards fire missiles",
        "TEHRAN \u2014 Brig. Gen. Amir Ali Hajizadeh said on Wednesday that the IRGC had fired the missiles. "
        "The Islamic Revolutionary Guard Corps said it acted after the killing of Maj. Gen. Qassem Soleimani "
        "in Baghdad. President Donald Trump said the United States was ready.\n"
        "Hajizadeh told state television that Teheran did not intend to kill. Mr. Trump spoke later.");
    auto find = [&](const std::string& name) -> const Entity* {
        for (const Entity& e : entities)
            if (e.name == name) return &e;
        return nullptr;
    };
    REQUIRE(find("Amir Ali Hajizadeh"));
    CHECK(find("Amir Ali Hajizadeh")->mentions == 2);
    REQUIRE(find("Donald Trump"));
    CHECK(find("Donald Trump")->mentions == 2);
    REQUIRE(find("Qassem Soleimani"));
    CHECK(find("Qassem Soleimani")->type == EntityType::person);
    // A dateline in capitals is not the name shown.
    REQUIRE(find("Teheran"));
    CHECK(find("Teheran")->forms == std::vector<std::string>{"TEHRAN", "Teheran"});
    CHECK(find("Teheran")->type == EntityType::place);
    const Entity* irgc = find("Islamic Revolutionary Guard Corps");
    REQUIRE(irgc);
    CHECK(irgc->mentions == 3);
    for (const Entity& e : entities) {
        INFO(e.name);
        CHECK_FALSE(e.name.starts_with("Brig"));
        CHECK_FALSE(e.name.starts_with("President"));
        CHECK(e.name != "Wednesday");
    }
}
