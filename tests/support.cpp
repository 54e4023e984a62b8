// SPDX-License-Identifier: GPL-2.0-or-later
#include "tests/support.hpp"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "indexer/commands/update.hpp"
#include "shared/data_dir.hpp"
#include "shared/generations.hpp"
#include "searcher/search.hpp"

namespace dateline::test {
namespace fs = std::filesystem;

fs::path source_dir() { return DATELINE_SOURCE_DIR; }
fs::path sample_dir() { return source_dir() / "data" / "sample"; }
fs::path team_kit_dir() { return DATELINE_TEAM_KIT; }
bool has_team_kit() { return fs::is_directory(team_kit_dir() / "seeds"); }
bool skip_without_team_kit() {
    if (has_team_kit()) return false;
    if (std::getenv("CI")) FAIL("the team kit is missing at " << team_kit_dir() << " and CI requires it");
    WARN("skipped: no team kit at " << team_kit_dir() << " (CI requires it)");
    return true;
}

std::string index_binary() { return DATELINE_INDEX_BIN; }
std::string search_binary() { return DATELINE_SEARCH_BIN; }
std::string serve_binary() { return DATELINE_SERVE_BIN; }
std::string project_version() { return DATELINE_VERSION; }

TempDir::TempDir() {
    std::string pattern = (fs::temp_directory_path() / "dateline-test-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::string shell_quote(const std::string& s) { return "'" + s + "'"; }

void switch_generations(const fs::path& db, int times) {
    for (int i = 0; i < times; ++i) {
        std::string next = store::next_generation_name(db);
        fs::copy(db / *store::live_generation(db), db / next, fs::copy_options::recursive);
        store::make_live(db, next);
        store::remove_dead_generations(db);
    }
}

CommandResult run_command(const std::string& command) {
    TempDir scratch;
    std::string full = "(" + command + ") </dev/null >" + scratch / "out" + " 2>" + scratch / "err";
    // fork and wait4 rather than std::system: wait4 gives this command's own
    // resource use (the shell's and that of every process it waited for).
    pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        execl("/bin/sh", "sh", "-c", full.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    int raw = 0;
    struct rusage usage {};
    while (wait4(pid, &raw, 0, &usage) < 0)
        if (errno != EINTR) throw std::runtime_error("wait4 failed");
    CommandResult result;
    result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    result.peak_rss_kb = usage.ru_maxrss;
    result.out = read_file(scratch.path() / "out");
    result.err = read_file(scratch.path() / "err");
    return result;
}

indexer::UpdateRequest sample_request(const std::string& db, const std::string& subfolder, std::size_t batch_size) {
    return {.database = db,
            .paths = {(sample_dir() / "articles" / subfolder).lexically_normal().string()},
            .manifests = {(sample_dir() / "manifest.jsonl").string()},
            .batch_size = batch_size};
}

void build_sample_database(const std::string& db_path) { indexer::update_database(sample_request(db_path)); }

const indexer::ScrapeRules& scrape_rules() {
    static const indexer::ScrapeRules loaded = indexer::ScrapeRules::load(data_dir());
    return loaded;
}

const std::string& shared_sample_database() {
    static TempDir dir;
    static const std::string path = [] {
        build_sample_database(dir / "sample");
        return dir / "sample";
    }();
    return path;
}

const std::string& shared_reuters_database() {
    static TempDir dir;
    static const std::string path = [] {
        indexer::update_database(
            {.database = dir / "reuters", .paths = {(team_kit_dir() / "corpora/reuters21578/reuters21578.jsonl.gz").string()}});
        return dir / "reuters";
    }();
    return path;
}

unsigned count_matches(const std::string& db, const std::string& query) {
    searcher::SearchRequest request;
    request.databases = {db};
    request.query = query;
    return searcher::search(request).total;
}

void write_file(const fs::path& path, const std::string& content) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
}

TcpServer::TcpServer(const std::string& db) : db_(db) {
    // Each server of the process on a port of its own: a second server on
    // the first one's port would fail to listen while the probe below got
    // its answer from the first.
    static std::atomic<int> servers = 0;
    for (int attempt = 0; attempt < 20 && address_.empty(); ++attempt)
        start(20000 + static_cast<int>((getpid() * 7 + servers++ * 131) % 30000));
}

bool TcpServer::start(int port) {
    port_ = port;
    // Its own session: on SIGTERM xapian-tcpsrv signals its whole process group.
    run_command("setsid xapian-tcpsrv --quiet --interface 127.0.0.1 --port " + std::to_string(port_) + " " +
                shell_quote(db_) + " >/dev/null 2>&1 & echo $! > " + shell_quote(pid_file_ / "pid"));
    for (int wait = 0; wait < 50; ++wait) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (run_command("kill -0 $(cat " + shell_quote(pid_file_ / "pid") + ")").status != 0) break;  // could not listen
        auto probe = run_command(search_binary() + " --db tcp:127.0.0.1:" + std::to_string(port_) +
                                 " --json --limit 0 --no-facets anything");
        if (probe.status == 0 || probe.status == 1) {
            address_ = "tcp:127.0.0.1:" + std::to_string(port_);
            return true;
        }
    }
    stop();
    return false;
}

bool TcpServer::start_again() { return port_ != 0 && start(port_); }

TcpServer::~TcpServer() { stop(); }

void TcpServer::stop() {
    const std::string pid = "$(cat " + shell_quote(pid_file_ / "pid") + " 2>/dev/null)";
    run_command("kill -CONT -" + pid + " 2>/dev/null; kill " + pid + " 2>/dev/null; "
                "for i in $(seq 50); do kill -0 -" + pid + " 2>/dev/null || break; sleep 0.1; done");
}

void TcpServer::signal(const std::string& signal) {
    run_command("kill -" + signal + " -$(cat " + shell_quote(pid_file_ / "pid") + ")");
}

}  // namespace dateline::test
