// SPDX-License-Identifier: GPL-2.0-or-later
// Entity keys: the one spelling-independent form of a name that the indexer
// writes and the searcher looks up, so that "Qassem Suleimani" and "Qasem
// Soleimani", "Tehran" and "Teheran", "Ain al-Asad" and "Ain al-Assad" are one
// entity. Keys fold what transliteration varies (case, accents, doubled
// letters, e/i and o/u, a vowel echoed after h, Arabic al-/el-) and keep what
// tells names apart (every consonant, every word). What no rule can see
// (acronyms, renamed bodies) comes from a reviewed alias table in data/.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace dateline {

enum class EntityType { person, org, place };

// "person", "org", "place"
std::string_view entity_type_name(EntityType type);
std::optional<EntityType> parse_entity_type(std::string_view name);

// The key of a name: words separated by one space. Empty when the name has
// no letters. Organisation names also lose a plural "s" ("Guards" -> "guard").
std::string variant_key(std::string_view name, EntityType type);

// The key of the last word of a key ("qasim sulimani" -> "sulimani").
std::string_view last_word(std::string_view key);

class EntityAliases {
public:
    // Lines "TYPE<TAB>CANONICAL NAME<TAB>ALIAS<TAB>ALIAS...", '#' comments.
    // Throws Error (input) naming the file and line on a malformed line.
    static EntityAliases load(const std::filesystem::path& path);
    // The same from the table's text; origin names it in errors.
    static EntityAliases parse(std::string_view text, const std::string& origin);

    // The table as loaded, to store beside an index (schema::aliases_metadata).
    const std::string& text() const { return text_; }

    // The key a name folds to: its alias's canonical key when it has one,
    // else its variant key.
    std::string key(std::string_view name, EntityType type) const;

    // The type and key of a name: as key(), but an alias listed under another
    // type wins ("US" tagged as an organisation is the place United States).
    std::pair<EntityType, std::string> resolve(std::string_view name, EntityType type) const;

    // The canonical name of an aliased key, or "".
    std::string canonical_name(std::string_view key, EntityType type) const;

    // Titles and ranks written before names (data/gazetteers/honorifics.txt:
    // one a line, '#' comments), for strip_titles.
    void set_titles(std::string_view text);
    const std::string& titles_text() const { return titles_text_; }

    // name without the titles in front of it, as the indexer cut them:
    // "Brig. Gen. Amir Ali Hajizadeh" -> "Amir Ali Hajizadeh". A name that is
    // all title is kept.
    std::string strip_titles(std::string_view name) const;

private:
    struct Canonical {
        std::string key, name;
    };
    // "type:alias key" -> canonical
    std::unordered_map<std::string, Canonical> aliases_;
    std::string text_;
    std::unordered_set<std::string> titles_;
    std::string titles_text_;
};

}  // namespace dateline
