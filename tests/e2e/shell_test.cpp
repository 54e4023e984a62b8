// SPDX-License-Identifier: GPL-2.0-or-later
// The interactive shell in a real terminal: tmux runs dateline-search in a
// pane, send-keys types, capture-pane reads the screen.
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include <unistd.h>

#include "tests/support.hpp"

using namespace dateline;

namespace {

class TmuxPane {
public:
    explicit TmuxPane(const std::string& command)
        : tmux_("tmux -L dateline-test-" + std::to_string(getpid()) + " ") {
        auto started = test::run_command(tmux_ + "new-session -d -s shell -x 160 -y 50 " + test::shell_quote(command));
        REQUIRE(started.status == 0);
    }
    ~TmuxPane() { test::run_command(tmux_ + "kill-server"); }

    void type(const std::string& keys) {
        REQUIRE(test::run_command(tmux_ + "send-keys -t shell -l " + test::shell_quote(keys)).status == 0);
    }
    void press(const std::string& key) { REQUIRE(test::run_command(tmux_ + "send-keys -t shell " + key).status == 0); }

    // Everything the pane has shown, scrollback included, wrapped lines joined.
    std::string screen() { return test::run_command(tmux_ + "capture-pane -p -J -S - -t shell").out; }

    // The screen once it shows text at least times (waiting up to 20 s).
    std::string wait_for(const std::string& text, std::size_t times = 1) {
        std::string shown;
        for (int i = 0; i < 200; ++i) {
            shown = screen();
            if (occurrences(shown, text) >= times) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        return shown;
    }

    // Types line and Enter, and returns what the shell printed in answer:
    // the screen from the line typed to the next prompt.
    std::string enter(const std::string& line) {
        std::size_t prompts = occurrences(screen(), prompt);
        type(line);
        press("Enter");
        std::string shown = wait_for(prompt, prompts + 1);
        std::size_t typed = shown.rfind(prompt + " " + line);
        std::size_t next = shown.rfind(prompt);
        return typed == std::string::npos || next <= typed ? std::string() : shown.substr(typed, next - typed);
    }

    // capture-pane drops the space after an empty prompt.
    static constexpr const char* prompt_text = "dateline>";

private:
    static std::size_t occurrences(const std::string& text, const std::string& part) {
        std::size_t count = 0;
        for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
        return count;
    }

    std::string tmux_;
    const std::string prompt = prompt_text;
};

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST_CASE("e2e: the shell searches, pages, shows, sorts, switches to JSON, and keeps its history", "[e2e][shell]") {
    REQUIRE(test::run_command("command -v tmux").status == 0);  // scripts/setup.sh installs it
    test::TempDir dir;
    test::build_sample_database(dir / "db");
    TmuxPane pane("env HOME=" + test::shell_quote(dir / "home") + " XDG_STATE_HOME=" +
                  test::shell_quote(dir / "state") + " NO_COLOR=1 " + test::search_binary() + " --db " +
                  test::shell_quote(dir / "db") + "; echo shell-exited-$?; sleep 30");
    CHECK_THAT(pane.wait_for(TmuxPane::prompt_text), Catch::Contains(":help for commands"));

    CHECK(pane.enter(":limit 3").find("matches") == std::string::npos);  // no query yet: nothing to redo
    std::string shown = pane.enter("Haddad");
    CHECK_THAT(shown, Catch::Contains("10 matches for \"Haddad\"") && Catch::Contains("  3. ") &&
                          !Catch::Contains("  4. ") && Catch::Contains("Facets (exact counts over all 10 matches)") &&
                          Catch::Contains("(:next for more)"));

    shown = pane.enter(":next");
    CHECK_THAT(shown, Catch::Contains("  4. ") && Catch::Contains("  6. ") && !Catch::Contains("  3. ") &&
                          !Catch::Contains("  7. "));
    shown = pane.enter(":prev");
    CHECK_THAT(shown, Catch::Contains("  1. ") && !Catch::Contains("  4. "));

    // :show N prints the article whole, with its address.
    shown = pane.enter(":show 2");
    CHECK_THAT(shown, Catch::Contains("https://") && !Catch::Contains("Facets"));
    CHECK_THAT(pane.enter(":show 9"), Catch::Contains("a rank on this page (1 to 3)"));

    // Newest first, from the first page: the newest Haddad article leads.
    shown = pane.enter(":sort -date");
    CHECK_THAT(shown, Catch::Contains("  1. ") && Catch::Contains("2024-04-22"));
    CHECK_THAT(pane.enter(":sort sideways"), Catch::Contains("error: unknown sort order"));

    // :collapse on shows a story once and counts the stories (the sample
    // holds no copies: as many as the matches).
    CHECK_THAT(pane.enter(":collapse on"), Catch::Contains("matches (10 stories) for \"Haddad\""));
    CHECK_THAT(pane.enter(":collapse maybe"), Catch::Contains("write :collapse on or :collapse off"));
    CHECK_THAT(pane.enter(":collapse off"), !Catch::Contains("stories)"));

    // Ctrl-C drops the line being typed: no search runs for it.
    pane.type("flood");
    pane.press("C-c");
    shown = pane.enter(":help");
    CHECK_THAT(shown, Catch::Contains(":quit") && !Catch::Contains("flood"));
    CHECK_THAT(pane.screen(), !Catch::Contains("matches for \"flood"));

    CHECK_THAT(pane.enter(":facets off"), !Catch::Contains("error"));
    CHECK_THAT(pane.enter(":json"), Catch::Contains("JSON output on"));
    shown = pane.enter("tram");
    CHECK_THAT(shown, Catch::Contains("\"version\":2") && Catch::Contains("\"facets\":{}"));  // :facets off

    // Ctrl-D leaves with status 0; the history file (libedit's format, spaces
    // as \040) holds what was typed, not the dropped line.
    pane.press("C-d");
    CHECK_THAT(pane.wait_for("shell-exited-"), Catch::Contains("shell-exited-0"));
    std::string history = read_file(dir / "state/dateline/history");
    CHECK_THAT(history, Catch::Contains("Haddad") && Catch::Contains(":limit\\0403") && Catch::Contains("tram") &&
                            !Catch::Contains("flood"));
}
