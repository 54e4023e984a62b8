// SPDX-License-Identifier: GPL-2.0-or-later
// What the tests share: where the sources, the team kit and the binaries are,
// temporary directories, running a command, and building the sample database.
#pragma once

#include <filesystem>
#include <string>

#include "indexer/extract/scrape_rules.hpp"
#include "indexer/commands/update.hpp"

namespace dateline::test {

// Whether the tests and programs are built with ASan (gcc or clang).
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool under_address_sanitizer = true;
#elif defined(__has_feature)
inline constexpr bool under_address_sanitizer = __has_feature(address_sanitizer);
#else
inline constexpr bool under_address_sanitizer = false;
#endif

std::filesystem::path source_dir();
std::filesystem::path sample_dir();  // data/sample in the source tree
std::filesystem::path team_kit_dir();  // ../shared beside the repository
bool has_team_kit();

// True when a test that reads the team kit must be skipped (with a visible
// warning). Under CI (the CI variable set) a missing kit fails the test instead.
bool skip_without_team_kit();
std::string index_binary();
std::string search_binary();
std::string serve_binary();
std::string project_version();  // meson.build's

// A fresh directory, removed with everything in it when this goes out of scope.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::string operator/(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

struct CommandResult {
    int status = -1;
    std::string out;
    std::string err;
    long peak_rss_kb = 0;  // the largest resident set of the command's processes
};

// s in single quotes for /bin/sh (s must not contain a single quote).
std::string shell_quote(const std::string& s);

// Runs command with /bin/sh, standard input from /dev/null, and waits for it.
CommandResult run_command(const std::string& command);

// An update of db from data/sample/articles (or one outlet's subfolder of
// it) with the sample's manifest.
indexer::UpdateRequest sample_request(const std::string& db, const std::string& subfolder = "",
                                      std::size_t batch_size = 1000);

// Indexes data/sample with its manifest into a new database at db_path.
void build_sample_database(const std::string& db_path);

// One sample database per test run, built on first use, for tests that only
// read it.
const std::string& shared_sample_database();

// Reuters-21578 from the team kit indexed with the default options, once
// per test run on first use, for tests that only read it.
const std::string& shared_reuters_database();

// The scraped-text rules the programs ship with (data/), loaded once.
const indexer::ScrapeRules& scrape_rules();

// How many articles in db match query.
unsigned count_matches(const std::string& db, const std::string& query);


void write_file(const std::filesystem::path& path, const std::string& content);
std::string read_file(const std::filesystem::path& path);  // whole, as bytes; "" if it cannot be read

// What rebuilds do to db, times over, fast: the live generation copied to
// a new one, made live, the old one removed.
void switch_generations(const std::filesystem::path& db, int times);

// A xapian-tcpsrv serving db on a free port of localhost, stopped by its
// PID at the end; address() is "" if none would start.
class TcpServer {
public:
    explicit TcpServer(const std::string& db);
    ~TcpServer();
    TcpServer(const TcpServer&) = delete;
    TcpServer& operator=(const TcpServer&) = delete;
    const std::string& address() const { return address_; }

    // Stops the server and the connections it serves, and waits until they are gone.
    void stop();
    // Starts it again on the same port; whether it answers.
    bool start_again();
    // Sends signal ("STOP", "CONT") to the server and the connections it serves.
    void signal(const std::string& signal);

private:
    bool start(int port);
    std::string db_;
    TempDir pid_file_;
    int port_ = 0;
    std::string address_;
};

}  // namespace dateline::test
