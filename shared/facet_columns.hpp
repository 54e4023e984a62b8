// SPDX-License-Identifier: GPL-2.0-or-later
// Facet columns: every facet field's values (schema.hpp: outlet, byline,
// date, person, org, place, cluster) as small integers, in one file beside a
// generation's Xapian tables. A document's values for all fields lie side
// by side (a row), so counting a match reads a cache line or two and adds
// to arrays by ordinal (a value slot read is a B-tree search and a decode,
// once a field); a facet's values become strings only after counting.
//
// The file is written by the indexer after its last commit (any command that
// writes: update, rebuild, compact), from the value slots, which stay the
// truth: a searcher uses the columns only while the database is at the very
// revision (and UUID) they were made from, and counts from the slots
// otherwise (a search during an update, a remote shard): just as exact,
// slower.
//
// Layout (native byte order and alignment, read through mmap): a header
// (magic, format version, the UUID and revision it was made from, the last
// document id, the number of fields) and a table of contents; the rows:
// uint32 offsets by document id, and for each document its values of every
// field as numbers in one series (field f's ordinal o is the number
// Field::first + o, so a row is one run of numbers, counted into one array
// without asking which field each belongs to; 0 never appears in a field:
// none is a count of 0); then, for each field, its strings (uint64 offsets,
// then bytes), ordinal i naming string i - 1: the date's in byte (calendar)
// order, the others' from the most frequent down, so that the counters a
// match adds to lie together. An entity field's values (schema::entity_facet_value)
// are also taken apart once, here: each value's entity key and the keys of
// the full names its article also gives, as ordinals among the field's keys
// (sorted likewise), and for each key of several words, the ordinal of its
// last word's key when that is a key too: what folding a facet needs
// (searcher/entity_facets.hpp), as numbers.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace dateline {

inline constexpr std::string_view facet_columns_file = "dateline-facets";

// Writes the columns of the database in generation_dir as it is now, in a
// temporary file renamed over the old one (readers see one or the other).
// Throws Error (database).
void write_facet_columns(const std::filesystem::path& generation_dir);

class FacetColumns {
public:
    // One field's values: their strings, and for an entity field, its values
    // taken apart (index 0 of each array unused).
    struct Field {
        Xapian::valueno slot = 0;
        // Where the field's ordinals start among a row's numbers: ordinal o
        // is number first + o.
        std::uint32_t first = 0;
        std::span<const std::uint64_t> string_offsets;
        const char* string_bytes = nullptr;
        // Entity fields: by value ordinal, its key's ordinal and the
        // ordinals of its full names' keys; by key ordinal, its string and
        // its surname's key ordinal (0: none).
        std::span<const std::uint32_t> value_keys;
        std::span<const std::uint32_t> full_name_offsets;  // value v's: full_name_keys[offsets[v] .. offsets[v + 1])
        std::span<const std::uint32_t> full_name_keys;
        std::span<const std::uint64_t> key_offsets;
        const char* key_bytes = nullptr;
        std::span<const std::uint32_t> key_surnames;

        // How many distinct values: ordinals run from 1 to this.
        std::uint32_t value_count() const { return static_cast<std::uint32_t>(string_offsets.size() - 1); }
        std::string_view value(std::uint32_t ordinal) const {
            return {string_bytes + string_offsets[ordinal - 1], string_offsets[ordinal] - string_offsets[ordinal - 1]};
        }
        bool has_entities() const { return !value_keys.empty(); }
        std::uint32_t key_count() const { return static_cast<std::uint32_t>(key_offsets.size() - 1); }
        std::string_view key(std::uint32_t ordinal) const {
            return {key_bytes + key_offsets[ordinal - 1], key_offsets[ordinal] - key_offsets[ordinal - 1]};
        }
        std::span<const std::uint32_t> full_names(std::uint32_t value) const {
            return full_name_keys.subspan(full_name_offsets[value], full_name_offsets[value + 1] - full_name_offsets[value]);
        }
    };

    // The columns of db, the database in generation_dir, or null when there
    // are none, they are damaged, or were made from another revision.
    static std::shared_ptr<const FacetColumns> open(const std::filesystem::path& generation_dir,
                                                    const Xapian::Database& db);
    ~FacetColumns();
    FacetColumns(const FacetColumns&) = delete;
    FacetColumns& operator=(const FacetColumns&) = delete;

    // The fields, in the order of their numbers.
    const std::vector<Field>& fields() const { return fields_; }
    // How many numbers the fields' values take: every field's ordinals,
    // 0 included. An array this long counts all fields at once.
    std::uint32_t number_count() const { return number_count_; }
    // Document d's row: the numbers of its values, field by field. Not
    // checked against the file (reading it all would cost every search):
    // users bound every number they read by number_count().
    std::span<const std::uint32_t> row(Xapian::docid d) const {
        if (d > last_docid_) return {};
        std::size_t begin = row_offsets_[d], end = row_offsets_[d + 1];
        if (begin > end || end > rows_.size()) return {};
        return rows_.subspan(begin, end - begin);
    }
    Xapian::docid last_docid() const { return last_docid_; }
    // All rows, and where each document's begins (by id; document d's row
    // ends where d + 1's begins): for loops over many rows. Not checked.
    std::span<const std::uint32_t> row_offsets() const { return row_offsets_; }
    std::span<const std::uint32_t> rows() const { return rows_; }

private:
    FacetColumns() = default;
    const void* mapped_ = nullptr;
    std::size_t size_ = 0;
    Xapian::docid last_docid_ = 0;
    std::uint32_t number_count_ = 0;
    std::span<const std::uint32_t> row_offsets_, rows_;
    std::vector<Field> fields_;
};

// The columns of several databases searched at once as one dictionary: for
// each field, every value any of them holds, taken apart as one file of
// them all would take them (entity keys sorted as strings), and for each
// database, the union's ordinal of each of its own. A search counts each
// database's matches into its own ordinals, then sums them through these:
// names are compared once, when the databases are opened, not at every
// query.
class FacetColumnsUnion {
public:
    // Null unless every database has columns with the same fields.
    static std::shared_ptr<const FacetColumnsUnion> of(const std::vector<const FacetColumns*>& columns);

    // In the order of each database's fields(); Field::first is 0.
    const std::vector<FacetColumns::Field>& fields() const { return fields_; }
    // The databases, in the order given.
    const std::vector<const FacetColumns*>& databases() const { return databases_; }
    // Database d's ordinal o of field f is the union's ordinals(d, f)[o].
    std::span<const std::uint32_t> ordinals(std::size_t database, std::size_t field) const {
        return ordinals_[database][field];
    }

private:
    struct Tables;
    FacetColumnsUnion() = default;
    std::vector<const FacetColumns*> databases_;
    std::vector<FacetColumns::Field> fields_;
    std::vector<std::unique_ptr<Tables>> tables_;  // what fields_ view
    std::vector<std::vector<std::vector<std::uint32_t>>> ordinals_;
};

}  // namespace dateline
