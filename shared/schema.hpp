// SPDX-License-Identifier: GPL-2.0-or-later
// The schema: every field Dateline indexes, with its query name, Xapian term
// prefix, value slot and roles. The indexer builds documents from this table and
// the searcher registers its query syntax and facets from it; no other file
// writes a prefix or a slot number. Prefixes follow Xapian Omega's conventions
// (S title, A author, Q unique id, D/M/Y dates, U url), X... for our own.
#pragma once

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "shared/article.hpp"

namespace dateline::schema {

// Bump when anything in this file or in analysis.hpp changes what is indexed:
// databases record it and the searcher refuses a database with another version.
inline constexpr int version = 6;  // 6: stored articles packed (stored_data.hpp)

enum Role : unsigned {
    free_text = 1u << 0,  // words indexed with positions, ranked (analysis.hpp)
    value_filter = 1u << 1,  // whole values as boolean terms: outlet:"The Harbour Courier"
    date_filter = 1u << 2,   // date:YYYY-MM-DD, date:FROM..TO (shared/date_range.hpp)
    facet = 1u << 3,      // the slot's values are counted over all matches
    sortable = 1u << 4,   // results can be ordered by the slot
    identity = 1u << 5,   // the unique-id term that makes re-indexing replace
    entity_filter = 1u << 6,  // entity keys as boolean terms: person:suleimani (shared/entity_key.hpp)
    any_entity = 1u << 7,     // entity:X, any of the entity fields; makes no terms of its own
    multi_value = 1u << 8,    // the slot holds several values, separated by values_separator
    // Whole values matched in the slot itself, not by terms: cluster:ID. For
    // a sparse slot (few articles have a value), where matching reads only
    // those that have one, and where writing a term would cost more: adding
    // a term to a stored document makes Xapian read all its terms and
    // positions, changing a value does not.
    slot_filter = 1u << 9,
};

inline constexpr char values_separator = '\x1e';

// A multi_value slot's value, both ways: values joined by values_separator
// (empty ones left out), and each(value) called for each value of one.
void append_value(std::string& joined, std::string_view value);
template <class Each>
void for_each_value(std::string_view joined, Each&& each) {
    for (std::size_t start = 0; start < joined.size();) {
        std::size_t end = std::min(joined.find(values_separator, start), joined.size());
        each(joined.substr(start, end - start));
        start = end + 1;
    }
}

// Roles that put terms in the index, and so need a prefix.
inline constexpr unsigned term_roles = free_text | value_filter | date_filter | identity | entity_filter;

inline constexpr Xapian::valueno no_slot = Xapian::BAD_VALUENO;


struct Field {
    std::string_view name;    // as typed in queries; "" when it has no query syntax
    std::string_view alias;   // a second query name, or ""
    std::string_view prefix;  // Xapian term prefix
    Xapian::valueno slot;     // explicit value slot number, or no_slot
    unsigned roles;
    std::string_view help;

    constexpr bool has(Role role) const { return (roles & role) != 0; }
};

// clang-format off
inline constexpr Field title  {"title",  "",       "S",      no_slot, free_text,
    "words in the headline: title:missile"};
inline constexpr Field outlet {"outlet", "",       "XOUT",   1,       value_filter | facet,
    "the publication, by its full name: outlet:\"The Harbour Courier\""};
inline constexpr Field byline {"byline", "author", "A",      4,       value_filter | facet | multi_value,
    "an author, by full name: byline:\"Mara Quint\""};
inline constexpr Field date   {"date",   "",       "D",      0,       date_filter | facet | sortable,
    "publication date or range: date:2024-02, date:2024-01..2024-03, date:7d.."};
inline constexpr Field month  {"",       "",       "M",      no_slot, 0,
    "coarse month term (YYYYMM) that date:YYYY-MM matches"};
inline constexpr Field year   {"",       "",       "Y",      no_slot, 0,
    "coarse year term (YYYY) that date:YYYY matches"};
inline constexpr Field url    {"url",    "",       "U",      no_slot, value_filter,
    "the article's exact address: url:https://example.org/a"};
inline constexpr Field site   {"site",   "",       "H",      no_slot, value_filter,
    "the web site the article is from, by host name: site:example.org (www. ignored)"};
// An entity field's slot holds all the article's facet values of its type
// (schema::entity_facet_value), separated by values_separator.
inline constexpr Field person {"person", "",       "XPER",   10,      entity_filter | facet | multi_value,
    "a person named in the article, any spelling: person:suleimani, person:\"Qasem Soleimani\""};
inline constexpr Field org    {"org",    "",       "XORG",   11,      entity_filter | facet | multi_value,
    "an organisation named in the article: org:IRGC, org:\"Revolutionary Guards\""};
inline constexpr Field place  {"place",  "",       "XPLACE", 12,      entity_filter | facet | multi_value,
    "a place named in the article: place:Tehran (or Teheran)"};
inline constexpr Field entity {"entity", "",       "",       no_slot, any_entity,
    "a person, organisation or place: entity:soleimani"};
// A person the article names by one word only ("Soleimani"), so that
// person:"Qassem Suleimani" also finds articles that never give the first name.
inline constexpr Field person_one_word {"", "",    "XPONE",  no_slot, 0,
    "one-word person names, matched by full-name person: queries"};
// Each spelling of each word of an entity's names, under its variant key: a
// free-text word that is a name matches the other spellings through these
// (Suleimani finds Soleimani).
inline constexpr Field name_variant {"", "",       "XV",     no_slot, 0,
    "KEY:word for each word of an entity's names"};
inline constexpr Field id     {"id",     "",       "Q",      no_slot, identity | value_filter,
    "Dateline's id of an article, as printed with each hit"};
// Bookkeeping for incremental updates: which file an article came from, and
// a hash of everything it was built from (so an unchanged file is skipped).
inline constexpr Field source {"",       "",       "",       2,       0,
    "the article's source file (and record), for update and --prune"};
inline constexpr Field content_hash {"", "",       "",       3,       0,
    "hash of the input an article was built from, to skip unchanged files"};
// For alerts: the commit that first wrote the article (commit_sequence_metadata
// at that commit), kept when the article is indexed again or rebuilt. An
// article indexed before this was recorded has none (it counts as 0).
inline constexpr Field added {"",        "",       "",       5,       0,
    "the commit that first wrote the article, for alerts"};
// Other records that give the same article (the same URL in two crawls,
// say), superseded by the one in source: each one's key and content hash,
// so that an update finds them unchanged instead of writing them in turn.
inline constexpr Field also_from {"",    "",       "",       6,       0,
    "other records giving the same article, for update and --prune"};
// A group of syndicated copies (indexer/write/copy_groups.hpp): the same id
// in the slot of every article of a group of two or more; none on an article
// alone. Its facet: the groups with the most copies among the matches.
// (Databases indexed before 0.1.0's thirteenth session also have XCL terms.)
inline constexpr Field cluster {"cluster", "",    "",       7,       slot_filter | facet,
    "syndicated copies of one story, by the id printed with each hit: cluster:3f9a0c2e5b7d1a44"};
// clang-format on

inline constexpr std::array all_fields{title, outlet, byline, date, month, year, url, site, person, org, place,
                                       entity, person_one_word, name_variant, id, source, content_hash, added,
                                       also_from, cluster};

// The entity field of a type, and the type of an entity field (fields are
// told apart by prefix: all_fields holds copies).
constexpr const Field& entity_field(EntityType type) {
    return type == EntityType::person ? person : type == EntityType::org ? org : place;
}
constexpr std::optional<EntityType> entity_type_of(const Field& field) {
    for (EntityType type : {EntityType::person, EntityType::org, EntityType::place})
        if (field.has(entity_filter) && entity_field(type).prefix == field.prefix) return type;
    return std::nullopt;
}

// Database metadata holding the entity alias table the index was built with,
// so the searcher folds query names exactly as the indexer folded the text.
inline constexpr std::string_view aliases_metadata = "dateline.entity_aliases";
// ... and the titles it cut from the front of names.
inline constexpr std::string_view titles_metadata = "dateline.entity_titles";
// The dictionary the stored articles are packed with (stored_data.hpp); none
// when the database's first articles were too few to train one.
inline constexpr std::string_view article_dictionary_metadata = "dateline.article_dictionary";
// How many commits have added articles: each such commit of update, and each
// rebuild, numbers its new articles with the count it sets (the added slot).
inline constexpr std::string_view commit_sequence_metadata = "dateline.commit_sequence";
// The commit sequence up to which the articles added have been put in their
// groups of copies (indexer/write/copy_groups.hpp).
inline constexpr std::string_view copies_grouped_metadata = "dateline.copies_grouped_through";

// --- The checks that keep the table sound; static_assert'ed below and unit-tested.

constexpr std::string_view query_name(const Field& field, int which) {
    return which == 0 ? field.name : field.alias;
}

template <std::size_t N>
constexpr bool query_names_are_unique(const std::array<Field, N>& fields) {
    for (std::size_t i = 0; i < N; ++i)
        for (int a = 0; a < 2; ++a)
            for (std::size_t j = 0; j < N; ++j)
                for (int b = 0; b < 2; ++b) {
                    std::string_view x = query_name(fields[i], a), y = query_name(fields[j], b);
                    if ((i != j || a != b) && !x.empty() && x == y) return false;
                }
    return true;
}

// A field that makes terms needs a prefix, a field without one must at least
// have a slot, and no prefix may begin another, so a term can never be read
// as belonging to the wrong field.
template <std::size_t N>
constexpr bool prefixes_are_unambiguous(const std::array<Field, N>& fields) {
    for (std::size_t i = 0; i < N; ++i) {
        if (fields[i].prefix.empty()) {
            if ((fields[i].roles & term_roles) != 0) return false;
            if (fields[i].slot == no_slot && !fields[i].has(any_entity)) return false;
            continue;
        }
        for (std::size_t j = 0; j < N; ++j)
            if (i != j && fields[j].prefix.starts_with(fields[i].prefix)) return false;
    }
    return true;
}

template <std::size_t N>
constexpr bool slots_are_unique(const std::array<Field, N>& fields) {
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t j = i + 1; j < N; ++j)
            if (fields[i].slot != no_slot && fields[i].slot == fields[j].slot) return false;
    return true;
}

static_assert(query_names_are_unique(all_fields), "two fields share a query name");
static_assert(prefixes_are_unambiguous(all_fields), "a term prefix is missing or begins another");
static_assert(slots_are_unique(all_fields), "two fields share a value slot");

// --- Terms: how values become terms, used by the indexer to write them and by
// the searcher to look them up.

// prefix + the value folded for matching, cut to Xapian's term length limit.
// For site, the value is a URL or host name, and the term its host name.
std::string filter_term(const Field& field, std::string_view value);

// "https://www.Example.org:8080/a?b" -> "Example.org"; "example.org" as is.
std::string_view site_of(std::string_view url);

// The day, month and year terms for date: "D20240203", "M202402", "Y2024".
std::array<std::string, 3> date_terms(const Date& date);

// The fewest year, month and day terms that together cover the days from
// first to last inclusive: 2024-01-01..2024-12-31 -> {"Y2024"},
// 2024-01-30..2024-03-02 -> {"D20240130", "D20240131", "M202402", "D20240301",
// "D20240302"}. A range of decades costs one term a year, not a posting list
// scan over every document. Empty if last is before first.
std::vector<std::string> date_range_terms(const Date& first, const Date& last);

// The terms an entity is indexed under: its key under its field's prefix; for
// a person of several words also the last word's key ("XPERsulimani", so
// person:soleimani finds "Qasem Soleimani"), for a one-word person also
// under person_one_word; and each word of each spelling under name_variant.
std::vector<std::string> entity_terms(const Entity& entity);

// A term of free text (a word of the title or body, stemmed "Z..." or not),
// as opposed to a prefixed field term: "Zmissil", "iran"; not "ZSmissil",
// "XPERsulimani".
bool is_free_text_term(std::string_view term);

// "XV" + KEY + ":" + word: a spelling of a name word with that variant key.
// The searcher lists the spellings of a key by this prefix and searches their
// words as one term (searcher/entity_query.cpp).
std::string name_variant_term(std::string_view key, std::string_view word);

// The slot value an entity is counted under: "KEY\tNAME", or for a one-word
// person in an article that also names people of that surname in full,
// "KEY\x1fFULL KEY\x1f...\tNAME", so that a facet folding the surname into
// one of those full names does not count the article twice. KEY is left
// out ("\tNAME") when it is the name's own variant_key, as it mostly is:
// the reader derives it again, and the index is smaller by it.
std::string entity_facet_value(const Entity& entity, const std::vector<std::string>& full_names = {});

// Views into the value parsed, which must outlive them; the key is a copy
// (it may be derived from the name).
struct EntityFacetValue {
    std::string key;
    std::vector<std::string_view> full_names;
    std::string_view name;
};
EntityFacetValue parse_entity_facet_value(std::string_view value, EntityType type);

// A stable 16-hex-digit id: from the URL when the article has one, else from
// the record id its input gives (qualified by the file's name), else from its
// source path. Re-indexing the same article yields the same id.
std::string article_id(const Article& article);

std::string id_term(std::string_view article_id);

// The content-hash slot's value: the hash's 8 bytes, most significant first.
std::string content_hash_value(std::uint64_t hash);
// Its hash back, also from the 16 hex digits written before 2026-12-06; 0
// (never a hash written) for anything else.
std::uint64_t parse_content_hash(std::string_view value);

// A record that gives an article: its key ("path" or "path#line", the
// source slot's value) and the hash of its input.
struct RecordSource {
    std::string key;
    std::uint64_t content_hash = 0;
    bool operator==(const RecordSource&) const = default;
};
// The also_from slot's value: each key, a NUL, its hash's 8 bytes; and back
// (what does not parse is left out).
std::string also_from_value(const std::vector<RecordSource>& sources);
std::vector<RecordSource> parse_also_from(std::string_view value);

// The added slot's value for commit number sequence (sortable: a range of
// commits is a value range), and back; 0 for a document without one.
std::string added_value(std::uint64_t sequence);
std::uint64_t added_of(const Xapian::Document& document);
// The database's commit_sequence_metadata; 0 when it has none.
std::uint64_t commit_sequence(const Xapian::Database& db);

// The id a stored document was indexed under (its id term without the
// prefix), or "" if it has none.
std::string stored_article_id(const Xapian::Document& document);

// The same, found from the article as stored in the document without reading
// its terms (article_id), unless one of the fields the id was made from had
// bytes that were not UTF-8 (stored repaired): then from its id term.
std::string stored_article_id(const Article& article, const Xapian::Document& document);

}  // namespace dateline::schema
