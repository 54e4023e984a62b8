// SPDX-License-Identifier: GPL-2.0-or-later
#include "shared/store.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <optional>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "shared/analysis.hpp"
#include "shared/generations.hpp"
#include "shared/schema.hpp"
#include "shared/stored_data.hpp"

namespace dateline::store {
namespace {

std::string rebuild_hint(std::string_view path) {
    return fmt::format("index the archive again: dateline-index rebuild --db {} ARCHIVE... (or into a new directory)", path);
}

}  // namespace

void check_schema(const Xapian::Database& db, std::string_view path) {
    std::string version = db.get_metadata(std::string(schema_version_key));
    std::string analysis = db.get_metadata(std::string(analysis_key));
    if (version.empty())
        throw Error(ErrorKind::schema_mismatch,
                    fmt::format("{} is a Xapian database, but not one written by Dateline", path),
                    "point --db at a database made by dateline-index");
    if (version != std::to_string(schema::version) || analysis != analysis::describe())
        throw Error(ErrorKind::schema_mismatch,
                    fmt::format("database {} has schema {} ({}), this program needs schema {} ({})",
                                path, version, analysis, schema::version, analysis::describe()),
                    rebuild_hint(path));
}

NewGeneration create_generation(const std::string& db_path) {
    NewGeneration generation;
    generation.name = next_generation_name(db_path);
    generation.path = (std::filesystem::path(db_path) / generation.name).string();
    with_database_errors(generation.path, [&] {
        Xapian::WritableDatabase db(generation.path, Xapian::DB_CREATE);
        stamp_schema(db);
        db.commit();
    });
    return generation;
}

Xapian::WritableDatabase open_for_update(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code error;
    refuse_foreign_directory(path);
    if (!live_generation(path)) {
        fs::create_directories(path, error);
        if (error)
            throw Error(ErrorKind::database, fmt::format("cannot create database {}: {}", path, error.message()),
                        "check that the parent directory exists and is writable");
        make_live(path, create_generation(path).name);
    }
    std::string live = (fs::path(path) / *live_generation(path)).string();
    return with_database_errors(path, [&] {
        Xapian::WritableDatabase db(live, Xapian::DB_OPEN);
        check_schema(db, path);
        load_article_dictionary(db);
        return db;
    });
}

void stamp_schema(Xapian::WritableDatabase& db) {
    db.set_metadata(std::string(schema_version_key), std::to_string(schema::version));
    db.set_metadata(std::string(analysis_key), analysis::describe());
}

void stamp_last_update(Xapian::WritableDatabase& db) {
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    db.set_metadata(std::string(last_update_key), fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", utc));
}

namespace {

unsigned remote_timeout_ms = 10'000;

// "tcp:HOST:PORT" is a database served by Xapian's xapian-tcpsrv.
Xapian::Database open_shard(const std::string& path) {
    if (is_remote(path)) {
        std::size_t colon = path.rfind(':');
        std::string host = path.substr(4, colon > 4 ? colon - 4 : 0);
        unsigned port = 0;
        try {
            if (colon > 4) port = static_cast<unsigned>(std::stoul(path.substr(colon + 1)));
        } catch (const std::exception&) {
        }
        if (host.empty() || port == 0 || port > 65535)
            throw Error(ErrorKind::usage, fmt::format("{} is not a remote database address", path),
                        "write tcp:HOST:PORT, as served by xapian-tcpsrv");
        return Xapian::Remote::open(host, port, remote_timeout_ms, remote_timeout_ms);
    }
    // A rebuild makes its generation live, then removes the old one: an open
    // that read the stub just before the switch finds its generation gone, or
    // half gone. The stub names the new one by then, so open again.
    auto generation_named = [&]() -> std::optional<std::string> {
        try {
            return live_generation(path);
        } catch (const Error&) {
            return std::nullopt;  // a stub of someone else's: Xapian says what it makes of it
        }
    };
    for (int attempt = 1;; ++attempt) {
        std::optional<std::string> generation = generation_named();
        try {
            return Xapian::Database(path);
        } catch (const Xapian::DatabaseOpeningError&) {
            if (!generation || attempt == 5 || generation_named() == generation) throw;
        }
    }
}

}  // namespace

void load_article_dictionary(const Xapian::Database& db) {
    std::string dictionary = db.get_metadata(std::string(schema::article_dictionary_metadata));
    if (!dictionary.empty()) stored_data::register_dictionary(dictionary);
}

bool is_remote(std::string_view path) { return path.starts_with("tcp:"); }

void set_remote_timeout(double seconds) {
    if (!(seconds > 0)) throw Error(ErrorKind::usage, "--remote-timeout must be more than 0 seconds");
    remote_timeout_ms = static_cast<unsigned>(std::clamp(seconds, 0.001, 86'400.0) * 1000);
}

Xapian::Database open_shard_for_search(const std::string& path) {
    return with_database_errors(path, [&] {
        Xapian::Database shard = open_shard(path);
        check_schema(shard, path);
        load_article_dictionary(shard);
        return shard;
    });
}

Xapian::Database open_for_search(const std::vector<std::string>& paths) {
    if (paths.empty())
        throw Error(ErrorKind::usage, "no database given", "name one with --db PATH");
    Xapian::Database combined;
    for (const std::string& path : paths) combined.add_database(open_shard_for_search(path));
    return combined;
}

Error translate(const Xapian::Error& error, std::string_view path) {
    // Xapian 1.4's exceptions are not polymorphic: tell them apart by type name.
    const std::string_view type = error.get_type();
    const std::string message = error.get_msg();
    if (type == "DatabaseNotFoundError")
        return Error(ErrorKind::database, fmt::format("no database at {}", path),
                     fmt::format("create one with: dateline-index update --db {} ARCHIVE...", path));
    if (type == "DatabaseLockError")
        return Error(ErrorKind::locked, fmt::format("database {} is locked by another writer", path),
                     "is another dateline-index running? let it finish, then try again");
    if (type == "DatabaseVersionError")
        return Error(ErrorKind::schema_mismatch,
                     fmt::format("database {} has a format this Xapian cannot read: {}", path, message),
                     rebuild_hint(path));
    if (type == "DatabaseCorruptError")
        return Error(ErrorKind::database, fmt::format("database {} is damaged: {}", path, message),
                     rebuild_hint(path));
    // A write that failed for lack of space: Xapian reports the system error.
    const std::string cause = error.get_error_string() ? error.get_error_string() : "";
    if (cause == std::strerror(ENOSPC) || cause == std::strerror(EFBIG) || cause == std::strerror(EDQUOT))
        return Error(ErrorKind::database, fmt::format("cannot write database {}: {} ({})", path, cause, message),
                     "free some space and run again; the database still holds what was last committed");
    // Xapian names the remote database in the context: "remote:tcp(HOST:PORT)".
    if (type == "NetworkError" || type == "NetworkTimeoutError") {
        std::string context = error.get_context();
        std::string where = std::string(path);
        if (context.starts_with("remote:tcp(") && context.ends_with(")"))
            where = "tcp:" + context.substr(11, context.size() - 12);
        bool timeout = type == "NetworkTimeoutError";
        return Error(ErrorKind::database,
                     fmt::format("remote database {} {}: {}", where,
                                 timeout ? "did not answer in time" : "cannot be reached", message),
                     timeout ? "is its server overloaded or stopped? --remote-timeout SECONDS waits longer"
                             : "is xapian-tcpsrv running there? the next search connects again");
    }
    if (type == "DatabaseCreateError")
        return Error(ErrorKind::database, fmt::format("cannot create database {}: {}", path, message),
                     "check that the parent directory exists and is writable");
    return Error(ErrorKind::database, fmt::format("database {}: {}", path, error.get_description()),
                 "check that the path is right and that this user may read and write it");
}

}  // namespace dateline::store
