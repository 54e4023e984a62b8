// SPDX-License-Identifier: GPL-2.0-or-later
#include "shared/facet_columns.hpp"

#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "shared/error.hpp"
#include "shared/schema.hpp"
#include "shared/store.hpp"

namespace dateline {
namespace fs = std::filesystem;
namespace {

constexpr char magic[8] = {'D', 'L', 'F', 'A', 'C', 'E', 'T', 'S'};
constexpr std::uint32_t format_version = 6;  // 6: the cluster field

struct FileHeader {
    char magic[8];
    std::uint32_t format;
    std::uint32_t sections;
    char uuid[64];  // NUL-padded
    std::uint64_t revision;
    std::uint64_t last_docid;
    std::uint32_t fields;
    std::uint32_t reserved;
};

// What a section holds: the rows, or part of field number f's tables
// (id = field_base + f * parts + part).
enum Part : std::uint32_t {
    string_offsets_part, string_bytes_part, value_keys_part, full_name_offsets_part, full_name_keys_part,
    key_offsets_part, key_bytes_part, key_surnames_part, parts
};
constexpr std::uint32_t row_offsets_id = 0, rows_id = 1, field_base = 16;

struct SectionEntry {
    std::uint32_t id;
    std::uint32_t slot;  // a field's value slot
    std::uint64_t offset, bytes;
};

// Strings and their offsets, as a section pair holds them.
struct StringTable {
    std::vector<std::uint64_t> offsets{0};
    std::string bytes;
    void add(std::string_view s) {
        bytes += s;
        offsets.push_back(bytes.size());
    }
};

// An entity field's values taken apart (see the header).
struct EntityTables {
    std::vector<std::uint32_t> value_keys{0}, full_name_offsets{0, 0}, full_name_keys, key_surnames{0};
    StringTable keys;

    EntityTables(const std::vector<std::string>& values, EntityType type) {
        std::vector<schema::EntityFacetValue> parsed;
        parsed.reserve(values.size());  // all_keys views the keys: they must not move
        std::vector<std::string_view> all_keys;
        for (const std::string& value : values) {
            parsed.push_back(schema::parse_entity_facet_value(value, type));
            all_keys.push_back(parsed.back().key);
            all_keys.insert(all_keys.end(), parsed.back().full_names.begin(), parsed.back().full_names.end());
        }
        std::sort(all_keys.begin(), all_keys.end());
        all_keys.erase(std::unique(all_keys.begin(), all_keys.end()), all_keys.end());
        auto ordinal = [&](std::string_view key) -> std::uint32_t {
            auto at = std::lower_bound(all_keys.begin(), all_keys.end(), key);
            return at != all_keys.end() && *at == key ? static_cast<std::uint32_t>(at - all_keys.begin() + 1) : 0;
        };
        full_name_offsets.pop_back();
        for (const schema::EntityFacetValue& value : parsed) {
            value_keys.push_back(ordinal(value.key));
            full_name_offsets.push_back(static_cast<std::uint32_t>(full_name_keys.size()));
            for (std::string_view full : value.full_names) full_name_keys.push_back(ordinal(full));
        }
        full_name_offsets.push_back(static_cast<std::uint32_t>(full_name_keys.size()));
        for (std::string_view key : all_keys) {
            keys.add(key);
            std::string_view last = last_word(key);
            key_surnames.push_back(last.size() == key.size() ? 0 : ordinal(last));
        }
    }
};

// One facet field's column as the writer builds it.
struct ColumnBuilder {
    Xapian::valueno slot;
    bool multi;
    std::optional<EntityType> entity_type;
    bool by_byte_order;
    std::vector<std::uint32_t> ordinals, offsets;
    std::vector<std::string> strings;  // by first-seen ordinal - 1, until sorted
    std::unordered_map<std::string, std::uint32_t> seen;

    std::uint32_t ordinal_of(std::string_view value) {
        auto [it, inserted] = seen.try_emplace(std::string(value), static_cast<std::uint32_t>(strings.size() + 1));
        if (inserted) strings.emplace_back(value);
        return it->second;
    }

    void read(const Xapian::Database& db, Xapian::docid last) {
        if (multi) offsets.assign(static_cast<std::size_t>(last) + 2, 0);
        else ordinals.assign(static_cast<std::size_t>(last) + 1, 0);
        Xapian::docid next = 1;  // multi: the first document whose offset is not set
        for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
            Xapian::docid d = it.get_docid();
            if (!multi) {
                ordinals[d] = ordinal_of(*it);
                continue;
            }
            for (; next <= d; ++next) offsets[next] = static_cast<std::uint32_t>(ordinals.size());
            schema::for_each_value(*it, [&](std::string_view value) { ordinals.push_back(ordinal_of(value)); });
        }
        if (multi)
            for (; next <= last + 1; ++next) offsets[next] = static_cast<std::uint32_t>(ordinals.size());
        sort_strings();
    }

    // Renumbers the ordinals: the date's in byte (calendar) order, so that a
    // facet reads days in order; every other field's from the most frequent
    // down (ties in byte order), so that the counters most matches add to
    // lie together in a few cache lines (values are Zipf-distributed: a
    // match of a million-article archive added to counters all over a
    // quarter of a megabyte a field).
    void sort_strings() {
        std::vector<std::uint32_t> frequency(strings.size() + 1, 0);
        if (!by_byte_order)
            for (std::uint32_t ordinal : ordinals) ++frequency[ordinal];
        std::vector<std::uint32_t> order(strings.size());
        for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
        std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            if (frequency[a + 1] != frequency[b + 1]) return frequency[a + 1] > frequency[b + 1];
            return strings[a] < strings[b];
        });
        std::vector<std::uint32_t> renumbered(strings.size() + 1, 0);
        std::vector<std::string> sorted;
        sorted.reserve(strings.size());
        for (std::uint32_t rank = 0; rank < order.size(); ++rank) {
            renumbered[order[rank] + 1] = rank + 1;
            sorted.push_back(std::move(strings[order[rank]]));
        }
        for (std::uint32_t& ordinal : ordinals) ordinal = renumbered[ordinal];
        strings = std::move(sorted);
        seen.clear();
    }
};

class FileWriter {
public:
    explicit FileWriter(const fs::path& path) : path_(path) {
        fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd_ < 0) fail();
    }
    ~FileWriter() {
        if (fd_ >= 0) ::close(fd_);
    }
    void write(const void* bytes, std::size_t size) {
        const char* at = static_cast<const char*>(bytes);
        while (size > 0) {
            ssize_t done = ::write(fd_, at, size);
            if (done < 0 && errno == EINTR) continue;
            if (done <= 0) fail();
            at += done;
            size -= static_cast<std::size_t>(done);
            written_ += static_cast<std::size_t>(done);
        }
    }
    void pad_to(std::size_t alignment) {
        static const char zeros[8] = {};
        if (written_ % alignment) write(zeros, alignment - written_ % alignment);
    }
    void finish() {
        if (::fsync(fd_) != 0 || ::close(fd_) != 0) {
            fd_ = -1;
            fail();
        }
        fd_ = -1;
    }
    std::size_t written() const { return written_; }

private:
    [[noreturn]] void fail() {
        throw Error(ErrorKind::database, fmt::format("cannot write {}: {}", path_.string(), std::strerror(errno)),
                    "free some space and run again; searches count facets from the value slots meanwhile");
    }
    fs::path path_;
    int fd_ = -1;
    std::size_t written_ = 0;
};

template <class T>
std::span<const std::uint8_t> bytes_of(const std::vector<T>& values) {
    return {reinterpret_cast<const std::uint8_t*>(values.data()), values.size() * sizeof(T)};
}

// An entity field's tables whole and within bounds: a few arrays the size
// of the field's distinct values.
bool entity_tables_sound(const FacetColumns::Field& column, std::uint64_t key_bytes) {
    std::uint32_t values = column.value_count();
    if (column.key_offsets.empty() || column.key_offsets.front() != 0 || column.key_offsets.back() > key_bytes ||
        !column.key_bytes)
        return false;
    for (std::size_t i = 1; i < column.key_offsets.size(); ++i)
        if (column.key_offsets[i] < column.key_offsets[i - 1]) return false;
    std::uint32_t keys = column.key_count();
    auto bounded = [&](std::span<const std::uint32_t> ordinals) {
        return std::all_of(ordinals.begin(), ordinals.end(), [&](std::uint32_t o) { return o <= keys; });
    };
    if (column.value_keys.size() != values + 1 || column.full_name_offsets.size() != values + 2 ||
        column.key_surnames.size() != keys + 1 || column.full_name_offsets.back() != column.full_name_keys.size())
        return false;
    for (std::size_t i = 1; i < column.full_name_offsets.size(); ++i)
        if (column.full_name_offsets[i] < column.full_name_offsets[i - 1]) return false;
    return bounded(column.value_keys) && bounded(column.full_name_keys) && bounded(column.key_surnames);
}

}  // namespace

void write_facet_columns(const fs::path& generation_dir) {
    std::vector<ColumnBuilder> columns;
    FileHeader header{};
    std::memcpy(header.magic, magic, sizeof magic);
    header.format = format_version;
    Xapian::docid last = 0;
    store::with_database_errors(generation_dir.string(), [&] {
        Xapian::Database db(generation_dir.string());
        std::string uuid = db.get_uuid();
        std::memcpy(header.uuid, uuid.data(), std::min(uuid.size(), sizeof header.uuid - 1));
        header.revision = db.get_revision();
        header.last_docid = last = db.get_lastdocid();
        for (const schema::Field& field : schema::all_fields) {
            if (!field.has(schema::facet)) continue;
            columns.push_back({field.slot, field.has(schema::multi_value), schema::entity_type_of(field),
                               field.has(schema::date_filter), {}, {}, {}, {}});
            columns.back().read(db, last);
        }
    });
    header.fields = static_cast<std::uint32_t>(columns.size());

    // Each document's row length, hence the row offsets.
    auto count_of = [&](const ColumnBuilder& column, Xapian::docid d) -> std::uint32_t {
        return column.multi ? column.offsets[d + 1] - column.offsets[d] : column.ordinals[d] != 0;
    };
    std::vector<std::uint32_t> first;  // each field's first number
    std::uint64_t numbers = 0;
    for (const ColumnBuilder& column : columns) {
        first.push_back(static_cast<std::uint32_t>(numbers));
        numbers += column.strings.size() + 1;
    }
    if (numbers > UINT32_MAX)
        throw Error(ErrorKind::database, "too many distinct facet values for the facet columns' 32-bit numbers",
                    "searches count facets from the value slots");
    std::vector<std::uint32_t> row_offsets(static_cast<std::size_t>(last) + 2, 0);
    for (Xapian::docid d = 1; d <= last; ++d) {
        std::uint64_t length = 0;
        for (const ColumnBuilder& column : columns) length += count_of(column, d);
        std::uint64_t end = row_offsets[d] + length;
        if (end > UINT32_MAX)
            throw Error(ErrorKind::database, "too many facet values for the facet columns' 32-bit offsets",
                        "searches count facets from the value slots");
        row_offsets[d + 1] = static_cast<std::uint32_t>(end);
    }
    const std::uint64_t row_values = row_offsets[last + 1];

    // The sections: views into the builders and these tables; the rows are
    // written as they are made.
    struct Pending {
        SectionEntry entry;
        std::span<const std::uint8_t> bytes;
    };
    std::vector<Pending> sections;
    std::vector<std::unique_ptr<StringTable>> strings;
    std::vector<std::unique_ptr<EntityTables>> entities;
    auto text_bytes = [](const std::string& text) {
        return std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
    };
    sections.push_back({{row_offsets_id, 0, 0, row_offsets.size() * 4}, bytes_of(row_offsets)});
    sections.push_back({{rows_id, 0, 0, row_values * 4}, {}});
    for (std::uint32_t f = 0; f < columns.size(); ++f) {
        ColumnBuilder& column = columns[f];
        auto add = [&](Part part, std::span<const std::uint8_t> bytes) {
            sections.push_back({{field_base + f * parts + part, column.slot, 0, bytes.size()}, bytes});
        };
        StringTable& table = *strings.emplace_back(std::make_unique<StringTable>());
        for (const std::string& text : column.strings) table.add(text);
        add(string_offsets_part, bytes_of(table.offsets));
        add(string_bytes_part, text_bytes(table.bytes));
        if (!column.entity_type) continue;
        EntityTables& e = *entities.emplace_back(std::make_unique<EntityTables>(column.strings, *column.entity_type));
        add(value_keys_part, bytes_of(e.value_keys));
        add(full_name_offsets_part, bytes_of(e.full_name_offsets));
        add(full_name_keys_part, bytes_of(e.full_name_keys));
        add(key_offsets_part, bytes_of(e.keys.offsets));
        add(key_bytes_part, text_bytes(e.keys.bytes));
        add(key_surnames_part, bytes_of(e.key_surnames));
    }
    header.sections = static_cast<std::uint32_t>(sections.size());
    std::uint64_t at = sizeof header + sections.size() * sizeof(SectionEntry);
    for (Pending& section : sections) {
        at = (at + 7) / 8 * 8;
        section.entry.offset = at;
        at += section.entry.bytes;
    }

    fs::path target = generation_dir / facet_columns_file;
    fs::path temporary = target;
    temporary += ".new";
    {
        FileWriter out(temporary);
        out.write(&header, sizeof header);
        for (const Pending& section : sections) out.write(&section.entry, sizeof section.entry);
        for (const Pending& section : sections) {
            out.pad_to(8);
            if (section.entry.id != rows_id) {
                out.write(section.bytes.data(), section.bytes.size());
                continue;
            }
            std::vector<std::uint32_t> row;
            for (Xapian::docid d = 1; d <= last; ++d) {
                row.clear();
                for (std::size_t f = 0; f < columns.size(); ++f) {
                    const ColumnBuilder& column = columns[f];
                    if (!column.multi) {
                        if (column.ordinals[d]) row.push_back(first[f] + column.ordinals[d]);
                        continue;
                    }
                    for (std::uint32_t k = column.offsets[d]; k < column.offsets[d + 1]; ++k)
                        row.push_back(first[f] + column.ordinals[k]);
                }
                out.write(row.data(), row.size() * 4);
            }
        }
        out.finish();
    }
    if (::rename(temporary.c_str(), target.c_str()) != 0)
        throw Error(ErrorKind::database, fmt::format("cannot write {}: {}", target.string(), std::strerror(errno)),
                    "searches count facets from the value slots meanwhile");
}

FacetColumns::~FacetColumns() {
    if (mapped_) ::munmap(const_cast<void*>(mapped_), size_);
}

std::shared_ptr<const FacetColumns> FacetColumns::open(const fs::path& generation_dir, const Xapian::Database& db) {
    int fd = ::open((generation_dir / facet_columns_file).c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return nullptr;
    struct stat status {};
    if (::fstat(fd, &status) != 0 || static_cast<std::size_t>(status.st_size) < sizeof(FileHeader)) {
        ::close(fd);
        return nullptr;
    }
    std::shared_ptr<FacetColumns> columns(new FacetColumns);
    columns->size_ = static_cast<std::size_t>(status.st_size);
    void* mapped = ::mmap(nullptr, columns->size_, PROT_READ, MAP_SHARED, fd, 0);
    ::close(fd);
    if (mapped == MAP_FAILED) return nullptr;
    columns->mapped_ = mapped;

    const auto* base = static_cast<const std::uint8_t*>(mapped);
    FileHeader header;
    std::memcpy(&header, base, sizeof header);
    std::string uuid(header.uuid, strnlen(header.uuid, sizeof header.uuid));
    if (std::memcmp(header.magic, magic, sizeof magic) != 0 || header.format != format_version ||
        uuid != db.get_uuid() || header.revision != db.get_revision() || header.last_docid != db.get_lastdocid() ||
        header.fields > 64 || sizeof header + std::uint64_t{header.sections} * sizeof(SectionEntry) > columns->size_)
        return nullptr;
    columns->last_docid_ = static_cast<Xapian::docid>(header.last_docid);

    // Every section inside the file and aligned, every table whole and its
    // offsets in order; the rows are bounded as they are read.
    const auto* entries = reinterpret_cast<const SectionEntry*>(base + sizeof header);
    std::vector<Field> fields(header.fields);
    std::vector<std::uint64_t> string_bytes(header.fields), key_bytes(header.fields);
    auto u32 = [](const std::uint8_t* at, std::uint64_t bytes) {
        return std::span<const std::uint32_t>(reinterpret_cast<const std::uint32_t*>(at), bytes / 4);
    };
    auto u64 = [](const std::uint8_t* at, std::uint64_t bytes) {
        return std::span<const std::uint64_t>(reinterpret_cast<const std::uint64_t*>(at), bytes / 8);
    };
    for (std::uint32_t i = 0; i < header.sections; ++i) {
        const SectionEntry& e = entries[i];
        if (e.offset % 8 || e.offset > columns->size_ || e.bytes > columns->size_ - e.offset) return nullptr;
        const std::uint8_t* at = base + e.offset;
        if (e.id == row_offsets_id) columns->row_offsets_ = u32(at, e.bytes);
        else if (e.id == rows_id) columns->rows_ = u32(at, e.bytes);
        if (e.id < field_base) continue;
        std::uint32_t f = (e.id - field_base) / parts;
        if (f >= fields.size()) return nullptr;
        Field& field = fields[f];
        field.slot = e.slot;
        switch ((e.id - field_base) % parts) {
        case string_offsets_part: field.string_offsets = u64(at, e.bytes); break;
        case string_bytes_part:
            field.string_bytes = reinterpret_cast<const char*>(at);
            string_bytes[f] = e.bytes;
            break;
        case value_keys_part: field.value_keys = u32(at, e.bytes); break;
        case full_name_offsets_part: field.full_name_offsets = u32(at, e.bytes); break;
        case full_name_keys_part: field.full_name_keys = u32(at, e.bytes); break;
        case key_offsets_part: field.key_offsets = u64(at, e.bytes); break;
        case key_bytes_part:
            field.key_bytes = reinterpret_cast<const char*>(at);
            key_bytes[f] = e.bytes;
            break;
        case key_surnames_part: field.key_surnames = u32(at, e.bytes); break;
        }
    }
    if (columns->row_offsets_.size() != header.last_docid + 2 || columns->rows_.data() == nullptr) return nullptr;
    std::uint64_t numbers = 0;
    for (std::size_t f = 0; f < fields.size(); ++f) {
        Field& field = fields[f];
        if (field.string_offsets.empty() || field.string_offsets.front() != 0 || !field.string_bytes ||
            field.string_offsets.back() > string_bytes[f])
            return nullptr;
        for (std::size_t i = 1; i < field.string_offsets.size(); ++i)
            if (field.string_offsets[i] < field.string_offsets[i - 1]) return nullptr;
        if (field.has_entities() && !entity_tables_sound(field, key_bytes[f])) return nullptr;
        field.first = static_cast<std::uint32_t>(numbers);
        numbers += field.value_count() + 1;
        if (numbers > UINT32_MAX) return nullptr;
    }
    columns->number_count_ = static_cast<std::uint32_t>(numbers);
    columns->fields_ = std::move(fields);
    return columns;
}

struct FacetColumnsUnion::Tables {
    StringTable values;
    std::unique_ptr<EntityTables> entities;
};

std::shared_ptr<const FacetColumnsUnion> FacetColumnsUnion::of(const std::vector<const FacetColumns*>& columns) {
    if (columns.empty() || std::find(columns.begin(), columns.end(), nullptr) != columns.end()) return nullptr;
    const std::vector<FacetColumns::Field>& first = columns.front()->fields();
    for (const FacetColumns* database : columns) {
        const std::vector<FacetColumns::Field>& fields = database->fields();
        if (fields.size() != first.size()) return nullptr;
        for (std::size_t f = 0; f < fields.size(); ++f)
            if (fields[f].slot != first[f].slot || fields[f].has_entities() != first[f].has_entities()) return nullptr;
    }
    std::shared_ptr<FacetColumnsUnion> together(new FacetColumnsUnion);
    together->databases_ = columns;
    together->ordinals_.assign(columns.size(), {});
    for (std::size_t f = 0; f < first.size(); ++f) {
        // Every value, numbered as first met; each database's ordinals mapped.
        std::vector<std::string> values;
        std::unordered_map<std::string_view, std::uint32_t> seen;
        seen.reserve(first[f].value_count());
        for (std::size_t d = 0; d < columns.size(); ++d) {
            const FacetColumns::Field& field = columns[d]->fields()[f];
            std::vector<std::uint32_t>& mapped = together->ordinals_[d].emplace_back(field.value_count() + 1, 0);
            for (std::uint32_t o = 1; o <= field.value_count(); ++o) {
                std::string_view value = field.value(o);  // in the mapped file, which outlives the union's building
                auto [at, added] = seen.try_emplace(value, static_cast<std::uint32_t>(values.size() + 1));
                if (added) values.emplace_back(value);
                mapped[o] = at->second;
            }
        }
        auto& tables = *together->tables_.emplace_back(std::make_unique<Tables>());
        for (const std::string& value : values) tables.values.add(value);
        FacetColumns::Field& field = together->fields_.emplace_back();
        field.slot = first[f].slot;
        field.string_offsets = tables.values.offsets;
        field.string_bytes = tables.values.bytes.data();
        std::optional<EntityType> type;
        for (const schema::Field& in_schema : schema::all_fields)
            if (in_schema.slot == field.slot && in_schema.has(schema::facet)) type = schema::entity_type_of(in_schema);
        if (!first[f].has_entities() || !type) continue;
        tables.entities = std::make_unique<EntityTables>(values, *type);
        const EntityTables& e = *tables.entities;
        field.value_keys = e.value_keys;
        field.full_name_offsets = e.full_name_offsets;
        field.full_name_keys = e.full_name_keys;
        field.key_offsets = e.keys.offsets;
        field.key_bytes = e.keys.bytes.data();
        field.key_surnames = e.key_surnames;
    }
    return together;
}

}  // namespace dateline
