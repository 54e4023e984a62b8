// SPDX-License-Identifier: GPL-2.0-or-later
// dateline-index run as cron runs it, and abused as machines abuse it: killed
// mid-run, run twice at once, out of disk, rebuilt while people search. Every
// test uses real on-disk databases and the real binaries.
#include <catch2/catch.hpp>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "indexer/write/writer_lock.hpp"
#include "shared/generations.hpp"
#include "shared/schema.hpp"
#include "scripts/measure/corpus_files.hpp"
#include "tests/support.hpp"

using namespace dateline;
using namespace std::chrono_literals;
namespace fs = std::filesystem;
using test::run_command;
using test::shell_quote;

namespace {

std::string sample_args() {
    return "--manifest " + shell_quote((test::sample_dir() / "manifest.jsonl").string()) + " " +
           shell_quote((test::sample_dir() / "articles").string());
}

// Reuters-21578 stories as files, exported once per test run.
const fs::path& reuters_files() {
    static test::TempDir dir;
    static const fs::path folder = [] {
        test::export_corpus_as_files(test::team_kit_dir() / "corpora/reuters21578/reuters21578.jsonl.gz",
                                     dir.path() / "reuters", 6000);
        return dir.path() / "reuters";
    }();
    return folder;
}

// Starts command under /bin/sh in the background; its output goes to files.
pid_t spawn(const std::string& command, const test::TempDir& dir) {
    pid_t pid = fork();
    if (pid == 0) {
        std::string full = "exec " + command + " </dev/null >" + shell_quote(dir / "spawn.out") + " 2>" + shell_quote(dir / "spawn.err");
        execl("/bin/sh", "sh", "-c", full.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    return pid;
}

bool has_exited(pid_t pid) {
    int status = 0;
    return waitpid(pid, &status, WNOHANG) == pid;
}

// The live document count, or nullopt while the database cannot be opened.
std::optional<Xapian::doccount> doccount(const std::string& db) {
    try {
        return Xapian::Database(db).get_doccount();
    } catch (const Xapian::Error&) {
        return std::nullopt;
    }
}

// Polls until the database at db holds at least n documents or pid exits.
void wait_for_documents(const std::string& db, Xapian::doccount n, pid_t pid) {
    while (!has_exited(pid) && doccount(db).value_or(0) < n) std::this_thread::sleep_for(2ms);
}

void kill_hard(pid_t pid) {
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
}

std::size_t distinct_sources(const std::string& db) {
    Xapian::Database database(db);
    std::set<std::string> sources;
    for (auto it = database.valuestream_begin(schema::source.slot); it != database.valuestream_end(schema::source.slot); ++it)
        sources.insert(*it);
    return sources.size();
}

unsigned haddad_hits(const std::string& db) {
    auto result = run_command(test::search_binary() + " --db " + shell_quote(db) + " --json Haddad");
    return result.status > 1 ? 0 : nlohmann::json::parse(result.out)["total"].get<unsigned>();
}

std::vector<std::string> generations(const fs::path& db) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(db))
        if (entry.path().filename().string().starts_with("gen-")) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TEST_CASE("cron: a second writer exits 5 at once, and with --wait gets through", "[cron]") {
    test::TempDir dir;
    std::string update = test::index_binary() + " update --db " + shell_quote(dir / "db") + " ";
    REQUIRE(run_command(update + sample_args()).status == 0);
    auto held = std::make_unique<indexer::WriterLock>(dir / "db", std::nullopt);

    auto refused = run_command(update + sample_args());
    CHECK(refused.status == 5);
    CHECK(refused.err == "dateline-index: error: database " + (dir / "db") + " is being written by process " +
                             std::to_string(getpid()) + " (hint: wait for it to finish, or pass --wait[=SECONDS])\n");

    std::thread release([&] {
        std::this_thread::sleep_for(500ms);
        held.reset();
    });
    auto waited = run_command(update + "--wait=60 " + sample_args());
    release.join();
    CHECK(waited.status == 0);
    CHECK_THAT(waited.out, Catch::Contains("44 unchanged"));
}

TEST_CASE("cron: kill -9 at several points of a large run leaves whole batches; reruns finish without duplicates",
          "[cron][stress]") {
    if (test::skip_without_team_kit()) return;
    test::TempDir dir;
    const fs::path& archive = reuters_files();
    std::string db = dir / "db";
    std::string update = test::index_binary() + " update --batch-size 100 --db " + shell_quote(db) + " --manifest " +
                         shell_quote((archive / "manifest.jsonl").string()) + " " + shell_quote(archive.string());
    bool killed_mid_run = false;
    for (Xapian::doccount point : {300u, 2000u, 4100u}) {
        INFO("killed after " << point << " documents");
        pid_t pid = spawn(update, dir);
        wait_for_documents(db, point, pid);
        kill_hard(pid);
        auto count = doccount(db);
        REQUIRE(count);  // the database opens
        CHECK(*count % 100 == 0);  // exactly what whole batches committed
        killed_mid_run = killed_mid_run || *count < 6000;
    }
    CHECK(killed_mid_run);
    auto rerun = run_command(update);
    CHECK(rerun.status == 0);
    CHECK(doccount(db) == 6000u);
    CHECK(distinct_sources(db) == 6000);  // no article twice
    CHECK(run_command(update).out.find("0 new, 0 replaced, 6000 unchanged") != std::string::npos);
}

TEST_CASE("cron: kill -9 of a rebuild leaves the live generation answering; the next run clears the debris",
          "[cron]") {
    if (test::skip_without_team_kit()) return;
    test::TempDir dir;
    std::string db = dir / "db";
    REQUIRE(run_command(test::index_binary() + " update --db " + shell_quote(db) + " " + sample_args()).status == 0);
    const fs::path& archive = reuters_files();
    pid_t pid = spawn(test::index_binary() + " rebuild --db " + shell_quote(db) + " " + shell_quote(archive.string()), dir);
    // The rebuild writes its runs in gen-000002.work, then merges them into gen-000002.
    while (!has_exited(pid) && !fs::exists(dir.path() / "db/gen-000002.work")) std::this_thread::sleep_for(2ms);
    std::this_thread::sleep_for(300ms);
    kill_hard(pid);
    CHECK(store::live_generation(db) == "gen-000001");
    CHECK(haddad_hits(db) == 10);
    std::vector<std::string> debris = generations(db);
    CHECK(debris.front() == "gen-000001");
    CHECK(debris.size() > 1);  // the rebuild's leftovers
    CHECK(run_command(test::index_binary() + " update --db " + shell_quote(db) + " " + sample_args()).status == 0);
    CHECK(generations(db) == std::vector<std::string>{"gen-000001"});
}

TEST_CASE("cron: searches looping during rebuilds never fail and then see the new generation", "[cron][stress]") {
    if (test::skip_without_team_kit()) return;
    test::TempDir dir;
    std::string db = dir / "db";
    std::string index = test::index_binary() + " ";
    REQUIRE(run_command(index + "update --db " + shell_quote(db) + " " + sample_args()).status == 0);
    std::string loop = "i=0; f=0; while [ ! -e " + shell_quote(dir / "stop") + " ]; do " + test::search_binary() +
                       " --db " + shell_quote(db) + " --json 'Haddad OR cocoa' >/dev/null 2>>" + shell_quote(dir / "errors") +
                       "; [ $? -gt 1 ] && f=$((f+1)); i=$((i+1)); done; echo $i $f > " + shell_quote(dir / "result");
    test::write_file(dir.path() / "loop.sh", loop + "\n");
    pid_t searcher = spawn("sh " + shell_quote(dir / "loop.sh"), dir);
    // Alternate between two archives so each switch changes the answers.
    std::string with_reuters = sample_args() + " --manifest " +
                               shell_quote((reuters_files() / "manifest.jsonl").string()) + " " +
                               shell_quote(reuters_files().string());
    for (const std::string& archive : {with_reuters, sample_args(), with_reuters, sample_args()})
        CHECK(run_command(index + "rebuild --db " + shell_quote(db) + " " + archive).status == 0);
    test::write_file(dir.path() / "stop", "");
    waitpid(searcher, nullptr, 0);

    std::ifstream result(dir.path() / "result");
    unsigned searches = 0, failures = 0;
    result >> searches >> failures;
    INFO("searcher errors: " << test::run_command("cat " + shell_quote(dir / "errors")).out);
    CHECK(searches >= 10);
    CHECK(failures == 0);
    CHECK(store::live_generation(db) == "gen-000005");
    CHECK(generations(db) == std::vector<std::string>{"gen-000005"});
    CHECK(haddad_hits(db) == 10);
}

TEST_CASE("cron: out of space (a file size limit) stops the run cleanly; the live database is intact", "[cron]") {
    if (test::skip_without_team_kit()) return;
    test::TempDir dir;
    std::string db = dir / "db";
    REQUIRE(run_command(test::index_binary() + " update --db " + shell_quote(db) + " " + sample_args()).status == 0);
    // SIGXFSZ ignored, so a write past the limit fails with EFBIG as a full
    // disk fails with ENOSPC.
    std::string limited = "trap '' XFSZ; ulimit -f 1024; exec " + test::index_binary();

    auto rebuild = run_command(limited + " rebuild --db " + shell_quote(db) + " " + shell_quote(reuters_files().string()));
    CHECK(rebuild.status == 3);
    CHECK_THAT(rebuild.err, Catch::StartsWith("dateline-index: error: cannot write database ") &&
                                Catch::Contains("File too large") && Catch::Contains("free some space"));
    CHECK(generations(db) == std::vector<std::string>{"gen-000001"});  // half-built generation removed
    CHECK(haddad_hits(db) == 10);

    auto update = run_command(limited + " update --batch-size 100 --db " + shell_quote(db) + " " +
                              shell_quote(reuters_files().string()));
    CHECK(update.status == 3);
    CHECK_THAT(update.err, Catch::Contains("File too large"));
    auto count = doccount(db);
    REQUIRE(count);
    CHECK((*count - 44) % 100 == 0);  // the sample, plus whole batches
    CHECK(haddad_hits(db) == 10);
}

TEST_CASE("cron: out of space on a full file system stops the run cleanly (root only: mounts a tmpfs)", "[cron]") {
    if (test::skip_without_team_kit()) return;
    test::TempDir dir;
    fs::create_directories(dir.path() / "fs");
    if (geteuid() != 0 || mount("tmpfs", (dir / "fs").c_str(), "tmpfs", 0, "size=2m") != 0) {
        WARN("skipped: cannot mount a small tmpfs here (needs root); the file-size-limit test covers the path");
        return;
    }
    struct Unmount {
        std::string path;
        ~Unmount() { umount2(path.c_str(), MNT_DETACH); }
    } unmount{dir / "fs"};
    std::string db = dir / "fs/db";
    REQUIRE(run_command(test::index_binary() + " update --db " + shell_quote(db) + " " + sample_args()).status == 0);
    auto rebuild = run_command(test::index_binary() + " rebuild --db " + shell_quote(db) + " " +
                               shell_quote(reuters_files().string()));
    CHECK(rebuild.status == 3);
    CHECK_THAT(rebuild.err, Catch::Contains("No space left on device") && Catch::Contains("free some space"));
    CHECK(generations(db) == std::vector<std::string>{"gen-000001"});
    CHECK(haddad_hits(db) == 10);
}

TEST_CASE("cron: a terminal gets a progress bar, a pipe only the summary", "[cron]") {
    test::TempDir dir;
    std::string update = test::index_binary() + " update --db " + shell_quote(dir / "db") + " " + sample_args();
    auto on_terminal = run_command("script -qfec " + shell_quote(update) + " /dev/null");
    CHECK(on_terminal.status == 0);
    CHECK_THAT(on_terminal.out, Catch::Contains("44/44 100%") && Catch::Contains("files/s") && Catch::Contains("ETA"));
    auto piped = run_command(update);
    CHECK(piped.err.empty());
    CHECK(std::count(piped.out.begin(), piped.out.end(), '\n') == 1);
    auto quiet = run_command(update + " --quiet");
    CHECK(quiet.out.empty());
    CHECK(quiet.err.empty());
    auto verbose = run_command(update + " --verbose");
    CHECK(std::count(verbose.err.begin(), verbose.err.end(), '\n') == 44);
    CHECK_THAT(verbose.err, Catch::StartsWith("dateline-index: unchanged " +
                                              (test::sample_dir() / "articles/coastline-gazette/").string()));
}

TEST_CASE("cron: --log-format json makes every warning, error and summary a JSON object", "[cron]") {
    test::TempDir dir;
    test::write_file(dir.path() / "in/a.txt", "Ferry timetable\n\nThe ferry leaves at nine.\n");
    test::write_file(dir.path() / "in/b.txt", "");
    auto run = run_command(test::index_binary() + " update --log-format json --db " + shell_quote(dir / "db") + " " +
                           shell_quote(dir / "in"));
    CHECK(run.status == 1);
    auto warning = nlohmann::json::parse(run.err);
    CHECK(warning["level"] == "warning");
    CHECK(warning["location"] == dir / "in/b.txt");
    auto summary = nlohmann::json::parse(run.out);
    CHECK(summary["event"] == "summary");
    CHECK(summary["added"] == 1);
    CHECK(summary["skipped"] == 1);
    CHECK(summary["generation"] == "gen-000001");

    indexer::WriterLock held(dir / "db", std::nullopt);
    auto locked = run_command(test::index_binary() + " update --log-format json --db " + shell_quote(dir / "db") + " " +
                              shell_quote(dir / "in"));
    CHECK(locked.status == 5);
    auto error = nlohmann::json::parse(locked.err);
    CHECK(error["level"] == "error");
    CHECK(error["exit_status"] == 5);
}

TEST_CASE("cron: stats and compact from the command line", "[cron]") {
    test::TempDir dir;
    std::string index = test::index_binary() + " ";
    REQUIRE(run_command(index + "update --db " + shell_quote(dir / "db") + " " + sample_args()).status == 0);
    auto compact = run_command(index + "compact --db " + shell_quote(dir / "db"));
    CHECK(compact.status == 0);
    CHECK_THAT(compact.out, Catch::Contains("now gen-000002"));
    auto stats = run_command(index + "stats --json --db " + shell_quote(dir / "db"));
    CHECK(stats.status == 0);
    auto json = nlohmann::json::parse(stats.out);
    CHECK(json["documents"] == 44);
    CHECK(json["first_date"] == "2024-01-04");
    CHECK(json["last_date"] == "2024-04-25");
    CHECK(json["outlets"].size() == 5);
    CHECK(json["schema_version"] == std::to_string(schema::version));
    CHECK(json["generation"] == "gen-000002");
    auto missing = run_command(index + "stats --db " + shell_quote(dir / "nothing"));
    CHECK(missing.status == 3);
    CHECK_THAT(missing.err, Catch::Contains("no database at"));
}

TEST_CASE("cron: 40 kill -9s over the first 0.2 s of an update into a new database; each rerun finishes the job",
          "[cron]") {
    test::TempDir dir;
    std::string update = test::index_binary() + " update --quiet --no-entities --db ";
    std::set<std::string> leftovers;  // what the kills left, to show the states were varied
    for (int i = 0; i < 40; ++i) {
        std::string db = dir / ("db" + std::to_string(i));
        pid_t pid = spawn(update + shell_quote(db) + " " + sample_args(), dir);
        std::this_thread::sleep_for(std::chrono::microseconds(5000 * i));  // 0 to 0.195 s
        kill_hard(pid);
        std::string left;
        if (fs::exists(db))
            for (const auto& entry : fs::directory_iterator(db)) left += entry.path().filename().string() + " ";
        leftovers.insert(left);
        auto rerun = run_command(update + shell_quote(db) + " " + sample_args());
        INFO("killed after " << 5 * i << " ms, leaving: " << left << "\n" << rerun.err);
        CHECK(rerun.status == 0);
        CHECK(doccount(db) == 44u);
        CHECK(generations(db).size() == 1);
    }
    CHECK(leftovers.size() > 1);
}
