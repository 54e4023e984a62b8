// SPDX-License-Identifier: GPL-2.0-or-later
// The on-disk layout of a Dateline database: a directory of generations of one
// Xapian database and a Xapian stub file naming the live one.
//
//   DB/XAPIANDB      "auto gen-000002": Xapian opens DB through this stub
//   DB/gen-000002/   the live generation
//   DB/gen-000003/   a rebuild or compaction in progress (not yet live)
//   DB/gen-000003.work/  a rebuild's scratch (the runs it merges into gen-000003)
//   DB/writer.lock   locked (flock) by the one process writing
//
// Switching generations is one rename() of the stub, so a reader sees either
// the old generation or the new one, never a mixture.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace dateline::store {

inline constexpr std::string_view stub_file_name = "XAPIANDB";
inline constexpr std::string_view lock_file_name = "writer.lock";

// True when db can become a new database: it does not exist, or is a
// directory holding nothing but what Dateline itself leaves when killed
// while creating one (the lock file, generations, a rebuild's scratch, a
// stub not yet renamed): the next run cleans that up and creates afresh.
// Anything else in it means the directory is not ours to write in.
bool is_unused_directory(const std::filesystem::path& db);

// Throws Error (schema_mismatch) when db holds files but is no Dateline
// database (no stub, and not an unused directory), or is a replica: such a
// folder is never written in, not even a lock file.
void refuse_foreign_directory(const std::filesystem::path& db);

// The live generation's name ("gen-000002"), or nullopt when db has no stub
// (it is not a Dateline database, or does not exist yet). A replica of a
// Dateline database kept by xapian-replicate is read the same way (its
// stub names "replica_1"), and searched, never written. Throws Error
// (database) if the stub exists but cannot be read or understood.
std::optional<std::string> live_generation(const std::filesystem::path& db);

// A name one above every generation present, so it never reuses a directory
// left behind by a crash.
std::string next_generation_name(const std::filesystem::path& db);

// Atomically makes generation live: the stub is written to a temporary file,
// flushed, and renamed over the old one. Throws Error (database).
void make_live(const std::filesystem::path& db, const std::string& generation);

// What a stat says of a file, enough to tell that it was replaced or written
// since: a reader compares these before every query instead of reading the
// stub and the database's version file (a rename gives a new inode, a commit
// rewrites the version file). All zero when the file is missing.
struct FileStamp {
    std::uint64_t inode = 0, size = 0;
    std::int64_t modified_ns = 0;
    bool operator==(const FileStamp&) const = default;
};
FileStamp stamp_of(const std::filesystem::path& file);

// The stub's stamp, and the stamp of the live generation's version file
// (Xapian's glass backend writes "iamglass" at every commit); without a
// generation, of db's own version file.
struct DatabaseStamp {
    FileStamp stub, version;
    bool operator==(const DatabaseStamp&) const = default;
};
DatabaseStamp stamp_database(const std::filesystem::path& db, const std::optional<std::string>& generation);

// Where a generation being built keeps its scratch work: "gen-000003.work".
std::string work_directory_name(const std::string& generation);

// Deletes every generation directory but the live one: old generations after
// a switch, and half-built ones (and their scratch) left by a killed or
// failed run. Only a writer holding the database's lock may call this.
void remove_dead_generations(const std::filesystem::path& db);

}  // namespace dateline::store
