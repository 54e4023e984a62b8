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

// Opens the database at path for writing, creating it if there is none, and
// stamps a new one with the schema. Throws Error: locked, schema_mismatch,
// database (cannot create, damaged).
Xapian::WritableDatabase open_for_update(const std::string& path);

// Opens every path, checks each one's schema, and combines them into one
// database to search. Throws Error (database, schema_mismatch).
Xapian::Database open_for_search(const std::vector<std::string>& paths);

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
