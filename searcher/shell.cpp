// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/shell.hpp"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <sstream>

#include <editline/readline.h>
#include <fmt/format.h>
#include <unistd.h>

#include "searcher/json_printer.hpp"
#include "searcher/search.hpp"
#include "searcher/search_request.hpp"
#include "searcher/show.hpp"
#include "searcher/text_printer.hpp"
#include "shared/error.hpp"

namespace dateline::searcher {
namespace {

constexpr const char* help_text = R"(Type a query (dateline-search --help-query for the syntax) or a command:
  :next, :prev        the next or previous page of the last query
  :show N             article N of the last results, whole
  :sort ORDER         relevance, date (oldest first) or -date (newest first)
  :limit N            hits per page
  :facets on|estimate|off  count facets exactly, from a sample, or not
  :collapse on|off    one hit a story (syndicated copies shown once) or every copy
  :json               JSON output on or off
  :help               this text
  :quit               leave (also Ctrl-D); Ctrl-C drops the line being typed
)";

volatile std::sig_atomic_t interrupted = 0;

void on_interrupt(int) { interrupted = 1; }

std::filesystem::path history_path() {
    const char* state = std::getenv("XDG_STATE_HOME");
    const char* home = std::getenv("HOME");
    std::filesystem::path base = state && *state ? std::filesystem::path(state)
                                 : home && *home ? std::filesystem::path(home) / ".local" / "state"
                                                 : std::filesystem::path();
    return base.empty() ? base : base / "dateline" / "history";
}

class Shell {
public:
    explicit Shell(const SearchRequest& defaults) : request_(defaults), searcher_(defaults.databases, defaults.allow_partial) {}

    // False once the user asks to leave.
    bool handle(const std::string& line) {
        std::istringstream words(line);
        std::string command, argument;
        words >> command >> argument;
        if (command.empty()) return true;
        if (!command.starts_with(':')) {
            request_.query = line;
            request_.offset = 0;
            search();
        } else if (command == ":quit" || command == ":q") {
            return false;
        } else if (command == ":help") {
            std::cout << help_text;
        } else if (command == ":next" || command == ":prev") {
            if (!last_) return say("no query yet");
            if (command == ":prev" && request_.offset == 0) return say("already on the first page");
            if (command == ":next" && request_.offset + request_.limit >= last_->stories.value_or(last_->total))
                return say("no more hits");
            request_.offset = command == ":next" ? request_.offset + request_.limit
                                                 : request_.offset - std::min(request_.offset, request_.limit);
            search();
        } else if (command == ":show") {
            show(argument);
        } else if (command == ":sort") {
            request_.sort = parse_sort_order(argument);
            request_.offset = 0;
            if (last_) search();
        } else if (command == ":limit") {
            if (argument.empty() || argument.find_first_not_of("0123456789") != std::string::npos ||
                argument.size() > 4 || std::stoul(argument) == 0)
                return say("write :limit N with N from 1 to 9999");
            request_.limit = static_cast<unsigned>(std::stoul(argument));
            request_.offset = 0;
            if (last_) search();
        } else if (command == ":facets") {
            if (argument != "on" && argument != "off" && argument != "estimate")
                return say("write :facets on, :facets estimate or :facets off");
            set_facet_mode(request_, argument == "on" ? "exact" : argument);
        } else if (command == ":collapse") {
            if (argument != "on" && argument != "off") return say("write :collapse on or :collapse off");
            request_.collapse = argument == "on";
            request_.offset = 0;
            if (last_) search();
        } else if (command == ":json") {
            json_ = !json_;
            say(json_ ? "JSON output on" : "JSON output off");
        } else {
            say(fmt::format("unknown command {}; :help lists them", command));
        }
        return true;
    }

private:
    bool say(const std::string& message) {
        std::cout << message << '\n';
        return true;
    }

    void search() {
        last_ = searcher_.search(request_);
        if (json_) print_json(std::cout, *last_);
        else print_text(std::cout, *last_, {isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr});
        if (!json_ && last_->stories.value_or(last_->total) > request_.offset + request_.limit)
            std::cout << "(:next for more)\n";
    }

    void show(const std::string& argument) {
        if (!last_) {
            say("no query yet");
            return;
        }
        for (const Hit& hit : last_->hits) {
            if (argument != std::to_string(hit.rank)) continue;
            if (json_) print_json_line(std::cout, article_json(hit.id, hit.article));
            else print_article_text(std::cout, hit.article);
            return;
        }
        say(fmt::format("write :show N with N a rank on this page ({} to {})", request_.offset + 1,
                        request_.offset + last_->hits.size()));
    }

    SearchRequest request_;
    Searcher searcher_;
    std::optional<SearchResult> last_;
    bool json_ = false;
};

}  // namespace

int run_shell(const SearchRequest& defaults) {
    Shell shell(defaults);
    std::filesystem::path history = history_path();
    if (!history.empty()) {
        std::error_code ignored;
        std::filesystem::create_directories(history.parent_path(), ignored);
        read_history(history.c_str());
    }
    // Without SA_RESTART, Ctrl-C interrupts the terminal read: readline
    // returns no line and the flag tells that from Ctrl-D.
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    std::cout << "Dateline shell: type a query, :help for commands, :quit or Ctrl-D to leave.\n";
    for (;;) {
        interrupted = 0;
        char* typed = readline("dateline> ");
        if (!typed) {
            if (interrupted) {
                std::cout << '\n';
                continue;
            }
            std::cout << '\n';
            break;
        }
        std::string line(typed);
        std::free(typed);
        if (interrupted) continue;
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        add_history(line.c_str());
        if (!history.empty()) write_history(history.c_str());
        try {
            if (!shell.handle(line)) break;
        } catch (const Error& error) {
            std::cout << fmt::format("error: {}{}\n", error.what(), error.hint().empty() ? "" : " (" + error.hint() + ")");
        }
        std::cout.flush();
    }
    return 0;
}

}  // namespace dateline::searcher
