// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include <cstdlib>

#include <boost/program_options/errors.hpp>

#include "indexer/command_line.hpp"
#include "shared/error.hpp"
#include "tests/support.hpp"

using namespace dateline;
using indexer::parse_command_line;

namespace {

// Points the default config location at a folder of the test's own.
class ConfigHome {
public:
    explicit ConfigHome(const std::string& folder) {
        const char* old = std::getenv("XDG_CONFIG_HOME");
        if (old) saved_ = old;
        had_ = old != nullptr;
        setenv("XDG_CONFIG_HOME", folder.c_str(), 1);
    }
    ~ConfigHome() {
        if (had_) setenv("XDG_CONFIG_HOME", saved_.c_str(), 1);
        else unsetenv("XDG_CONFIG_HOME");
    }

private:
    std::string saved_;
    bool had_ = false;
};

}  // namespace

TEST_CASE("a config file sets options and the command line wins", "[cli]") {
    test::TempDir dir;
    ConfigHome home(dir / "none");
    test::write_file(dir.path() / "index.conf",
                     "# nightly job\ndb = /srv/news.db\npath = /srv/archive\nmanifest = /srv/m.jsonl\n"
                     "batch-size = 250\nprune = true\nlog-format = json\n");
    auto parsed = parse_command_line({"update", "--config", dir / "index.conf", "--batch-size", "50"});
    const auto& c = parsed.command_line;
    CHECK_FALSE(parsed.help);
    CHECK(c.request.database == "/srv/news.db");
    CHECK(c.request.paths == std::vector<std::string>{"/srv/archive"});
    CHECK(c.request.manifests == std::vector<std::string>{"/srv/m.jsonl"});
    CHECK(c.request.batch_size == 50);  // command line wins
    CHECK(c.request.prune);
    CHECK(c.log.format == indexer::LogFormat::json);

    auto other_paths = parse_command_line({"update", "--config", dir / "index.conf", "/elsewhere"});
    CHECK(other_paths.command_line.request.paths == std::vector<std::string>{"/elsewhere"});
}

TEST_CASE("the default config file is read from XDG_CONFIG_HOME", "[cli]") {
    test::TempDir dir;
    ConfigHome home(dir.path().string());
    test::write_file(dir.path() / "dateline/index.conf", "db = /srv/default.db\nwait = 30\n");
    auto parsed = parse_command_line({"stats"});
    CHECK(parsed.command_line.config_file == dir / "dateline/index.conf");
    CHECK(parsed.command_line.request.database == "/srv/default.db");
    CHECK(parsed.command_line.request.wait == std::chrono::seconds(30));
}

TEST_CASE("a mistyped config key or a misplaced option is a usage error", "[cli]") {
    test::TempDir dir;
    ConfigHome home(dir / "none");
    test::write_file(dir.path() / "bad.conf", "db = /x\nbatchsize = 3\n");
    CHECK_THROWS_AS(parse_command_line({"update", "--config", dir / "bad.conf", "p"}), boost::program_options::error);
    CHECK_THROWS_AS(parse_command_line({"rebuild", "--db", "x", "--prune", "p"}), boost::program_options::error);
    CHECK_THROWS_AS(parse_command_line({"stats", "--db", "x", "p"}), Error);
    CHECK_THROWS_AS(parse_command_line({"update", "--db", "x", "--log-format", "xml", "p"}), Error);
    CHECK_THROWS_AS(parse_command_line({"update", "--db", "x", "--batch-size", "0", "p"}), Error);
}

TEST_CASE("--wait alone waits as long as it takes, --wait=N for N seconds", "[cli]") {
    test::TempDir dir;
    ConfigHome home(dir / "none");
    CHECK_FALSE(parse_command_line({"update", "--db", "x", "p"}).command_line.request.wait);
    CHECK(parse_command_line({"update", "--db", "x", "--wait=5", "p"}).command_line.request.wait == std::chrono::seconds(5));
    CHECK(*parse_command_line({"update", "--db", "x", "p", "--wait"}).command_line.request.wait > std::chrono::hours(24 * 365));
    // Boost lets an option with an optional value take the next word, so the
    // help says to write --wait=SECONDS; a path after a bare --wait is refused.
    CHECK_THROWS_AS(parse_command_line({"update", "--db", "x", "--wait", "p"}), boost::program_options::error);
}
