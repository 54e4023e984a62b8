// SPDX-License-Identifier: GPL-2.0-or-later
#include "shared/generations.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "shared/error.hpp"
#include "shared/replace_file.hpp"

namespace dateline::store {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view generation_prefix = "gen-";
constexpr std::string_view work_suffix = ".work";

bool is_generation_name(const std::string& name) {
    return name.size() == generation_prefix.size() + 6 && name.starts_with(generation_prefix) &&
           name.find_first_not_of("0123456789", generation_prefix.size()) == std::string::npos;
}

// xapian-replicate keeps a replica the same way: "auto replica_1" in a stub
// it writes below a comment, switched when it copies a database afresh.
constexpr std::string_view replica_prefix = "replica_";

bool is_replica_name(const std::string& name) {
    return name.size() > replica_prefix.size() && name.starts_with(replica_prefix) &&
           name.find_first_not_of("0123456789", replica_prefix.size()) == std::string::npos;
}

}  // namespace

bool is_unused_directory(const fs::path& db) {
    std::error_code error;
    if (!fs::exists(db, error)) return true;
    if (!fs::is_directory(db, error)) return false;
    for (fs::directory_iterator it(db, error), end; !error && it != end; it.increment(error)) {
        std::string name = it->path().filename().string();
        bool ours = name == lock_file_name || name == replacement_name(stub_file_name).string() || is_generation_name(name) ||
                    (name.ends_with(work_suffix) && is_generation_name(name.substr(0, name.size() - work_suffix.size())));
        if (!ours) return false;
    }
    return !error;
}

void refuse_foreign_directory(const fs::path& db) {
    std::optional<std::string> live = live_generation(db);
    if (live && is_replica_name(*live))
        throw Error(ErrorKind::schema_mismatch, fmt::format("{} is a replica kept by xapian-replicate", db.string()),
                    "index into its master; the replica follows it");
    if (live || is_unused_directory(db)) return;
    throw Error(ErrorKind::schema_mismatch, fmt::format("{} is not a Dateline database", db.string()),
                "give --db a new directory, or the directory of a database dateline-index made");
}

std::optional<std::string> live_generation(const fs::path& db) {
    std::error_code error;
    if (!fs::exists(db / stub_file_name, error)) return std::nullopt;
    std::ifstream in(db / stub_file_name);
    std::string line, backend, name;
    while (std::getline(in, line) && (line.empty() || line.front() == '#')) {
    }
    std::istringstream words(line);
    if (!(words >> backend >> name) || backend != "auto" || !(is_generation_name(name) || is_replica_name(name)))
        throw Error(ErrorKind::database,
                    fmt::format("{} does not name a generation", (db / stub_file_name).string()),
                    "the database directory was changed by hand; rebuild it with dateline-index rebuild");
    return name;
}

std::string next_generation_name(const fs::path& db) {
    int highest = 0;
    std::error_code error;
    for (fs::directory_iterator it(db, error), end; !error && it != end; it.increment(error)) {
        std::string name = it->path().filename().string();
        if (is_generation_name(name)) highest = std::max(highest, std::stoi(name.substr(generation_prefix.size())));
    }
    return fmt::format("{}{:06}", generation_prefix, highest + 1);
}

void make_live(const fs::path& db, const std::string& generation) {
    replace_file(db / stub_file_name, fmt::format("auto {}\n", generation), ErrorKind::database,
                 "check free space and permissions; the previous generation stays live");
}

FileStamp stamp_of(const fs::path& file) {
    struct stat status {};
    if (::stat(file.c_str(), &status) != 0) return {};
    return {static_cast<std::uint64_t>(status.st_ino), static_cast<std::uint64_t>(status.st_size),
            static_cast<std::int64_t>(status.st_mtim.tv_sec) * 1'000'000'000 + status.st_mtim.tv_nsec};
}

DatabaseStamp stamp_database(const fs::path& db, const std::optional<std::string>& generation) {
    return {stamp_of(db / stub_file_name), stamp_of((generation ? db / *generation : db) / "iamglass")};
}

std::string work_directory_name(const std::string& generation) { return generation + std::string(work_suffix); }

void remove_dead_generations(const fs::path& db) {
    std::optional<std::string> live = live_generation(db);
    std::vector<fs::path> dead;
    std::error_code error;
    for (fs::directory_iterator it(db, error), end; !error && it != end; it.increment(error)) {
        std::string name = it->path().filename().string();
        bool scratch = name.ends_with(work_suffix) && is_generation_name(name.substr(0, name.size() - work_suffix.size()));
        if ((is_generation_name(name) && name != live) || scratch || name == replacement_name(stub_file_name).string()) dead.push_back(it->path());
    }
    for (const fs::path& path : dead) fs::remove_all(path, error);
}

}  // namespace dateline::store
