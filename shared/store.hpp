// SPDX-License-Identifier: GPL-2.0-or-later
// Opening Dateline databases: create-or-open for the indexer, open-and-check
// for the searcher. A database records the schema version and analysis settings
// it was built with; opening one built differently is an error with a hint.
// Xapian's exceptions are translated here, at the boundary, into Error.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "shared/error.hpp"

namespace dateline::store {

inline constexpr std::string_view schema_version_key = "dateline.schema_version";
inline constexpr std::string_view analysis_key = "dateline.analysis";
inline constexpr std::string_view last_update_key = "dateline.last_update";

// Opens the live generation of the database at path for writing, creating
// the database (see generations.hpp) if there is none. Throws Error: locked,
// schema_mismatch (including a directory that is not a Dateline database),
// database (cannot create, damaged).
Xapian::WritableDatabase open_for_update(const std::string& path);

// A new, empty, stamped generation beside the live one, not yet live: for a
// rebuild to fill, or a compaction to write, before make_live.
struct NewGeneration {
    std::string name;
    std::string path;
};
NewGeneration create_generation(const std::string& db_path);

// Stamps db with this program's schema version and analysis settings (not
// committed).
void stamp_schema(Xapian::WritableDatabase& db);

// Records the current UTC time as the database's last update (ISO 8601).
void stamp_last_update(Xapian::WritableDatabase& db);

// Opens one database to search (Xapian follows its stub to the live
// generation; "tcp:HOST:PORT" is one served by xapian-tcpsrv) and checks its
// schema. Throws Error (usage, database, schema_mismatch).
Xapian::Database open_shard_for_search(const std::string& path);

// Opens every path with open_shard_for_search and combines them into one
// database to search.
Xapian::Database open_for_search(const std::vector<std::string>& paths);

// Whether path names a database served by xapian-tcpsrv ("tcp:HOST:PORT").
bool is_remote(std::string_view path);

// How long a remote database may take to connect, and to answer each
// message, before the search fails with an error naming it (default 10 s,
// Xapian's). Process-wide, for the databases opened after it is set:
// dateline-search and dateline-serve set it from --remote-timeout. Throws
// Error (usage) unless seconds is more than 0.
void set_remote_timeout(double seconds);

// Makes the dictionary db's stored articles are packed with known to
// decode_article (stored_data.hpp). The opening functions here do it; a
// remote database's may change with a reopen().
void load_article_dictionary(const Xapian::Database& db);

// Throws Error (schema_mismatch) unless db was stamped with this schema.
void check_schema(const Xapian::Database& db, std::string_view path);

// What a Xapian exception raised while using the database at path means for
// the user.
Error translate(const Xapian::Error& error, std::string_view path);

// Runs action, turning any Xapian exception into Error for path.
template <class Action>
auto with_database_errors(std::string_view path, Action&& action) {
    try {
        return action();
    } catch (const Xapian::Error& error) {
        throw translate(error, path);
    }
}

}  // namespace dateline::store
