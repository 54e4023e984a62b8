// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/alert_command.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "searcher/alert_store.hpp"
#include "searcher/alerts.hpp"
#include "searcher/json_printer.hpp"
#include "searcher/text_printer.hpp"
#include "shared/error.hpp"

namespace dateline::searcher {
namespace fs = std::filesystem;
using nlohmann::ordered_json;

namespace {

constexpr std::string_view usage_hint =
    "alert add NAME QUERY... (with --db DB), alert list, alert remove NAME, alert run [NAME]";

std::string joined(std::vector<std::string>::const_iterator from, std::vector<std::string>::const_iterator to) {
    std::string text;
    for (; from != to; ++from) text += (text.empty() ? "" : " ") + *from;
    return text;
}

int add(AlertStore& store, const AlertCommand& command, std::ostream& out) {
    const auto& words = command.words;
    if (words.size() < 3) throw Error(ErrorKind::usage, "alert add needs a name and a query", std::string(usage_hint));
    if (command.databases.size() != 1)
        throw Error(ErrorKind::usage, "alert add watches one database", "give --db DB once");
    check_alert_name(words[1]);
    if (store.find(words[1]))
        throw Error(ErrorKind::usage, fmt::format("there is already an alert called {}", words[1]),
                    fmt::format("alert remove {} first, or choose another name", words[1]));
    Alert alert;
    alert.name = words[1];
    alert.query = joined(words.begin() + 2, words.end());
    const std::string& db = command.databases.front();
    alert.database = db.starts_with("tcp:") ? db : fs::absolute(db).lexically_normal().string();
    alert.seen = alert_starting_point(alert.database, alert.query);
    alert.created = utc_now();
    store.alerts().push_back(alert);
    store.save();
    out << fmt::format("alert {} added: {} on {}; alert run prints the articles indexed from now on\n", alert.name,
                       alert.query, alert.database);
    return 0;
}

int list(AlertStore& store, const AlertCommand& command, std::ostream& out) {
    if (command.words.size() != 1) throw Error(ErrorKind::usage, "alert list takes no arguments", std::string(usage_hint));
    if (command.json) {
        ordered_json alerts = ordered_json::array();
        for (const Alert& alert : store.alerts())
            alerts.push_back({{"name", alert.name},
                              {"query", alert.query},
                              {"database", alert.database},
                              {"created", alert.created},
                              {"last_run", alert.last_run.empty() ? ordered_json() : ordered_json(alert.last_run)}});
        print_json_line(out, {{"alerts", alerts}});
        return 0;
    }
    for (const Alert& alert : store.alerts())
        out << fmt::format("{}\t{}\t{}\tlast run {}\n", alert.name, alert.query, alert.database,
                           alert.last_run.empty() ? "never" : alert.last_run);
    return 0;
}

int remove(AlertStore& store, const AlertCommand& command, std::ostream& out) {
    if (command.words.size() != 2) throw Error(ErrorKind::usage, "alert remove takes one name", std::string(usage_hint));
    auto& alerts = store.alerts();
    auto found = std::find_if(alerts.begin(), alerts.end(), [&](const Alert& a) { return a.name == command.words[1]; });
    if (found == alerts.end())
        throw Error(ErrorKind::usage, fmt::format("there is no alert called {}", command.words[1]), "alert list shows them");
    alerts.erase(found);
    store.save();
    out << fmt::format("alert {} removed\n", command.words[1]);
    return 0;
}

// One alert's new articles, printed; the alert records them only once the
// output is written.
void run_one(AlertStore& store, Alert& alert, const AlertCommand& command, std::ostream& out, std::ostream& err) {
    bool first_page = true;
    AlertRun run = find_new_articles(alert, command.snippet_length, [&](const SearchResult& page) {
        if (command.json) {
            for (const Hit& hit : page.hits) {
                ordered_json line = {{"alert", alert.name}, {"query", alert.query}};
                line.update(hit_json(hit));
                print_json_line(out, line);
            }
        } else {
            if (first_page)
                out << fmt::format("== alert {}: {} new {} for \"{}\"\n", alert.name, page.total,
                                   page.total == 1 ? "article" : "articles", alert.query);
            for (const Hit& hit : page.hits) print_hit_text(out, hit, {command.terminal});
        }
        first_page = false;
    });
    if (run.found > 0 && !command.json) out << '\n';
    out.flush();
    if (!out) throw Error(ErrorKind::input, "cannot write the output", "the alert keeps its place and reports again");
    if (run.database_remade)
        err << fmt::format("dateline-search: warning: alert {}: {} was made again from nothing (its commit count "
                           "went back from {} to {}); the alert starts again from now\n",
                           alert.name, alert.database, alert.seen, run.up_to);
    alert.seen = run.up_to;
    alert.last_run = utc_now();
    store.save();
}

int run(AlertStore& store, const AlertCommand& command, std::ostream& out, std::ostream& err) {
    if (command.words.size() > 2) throw Error(ErrorKind::usage, "alert run takes at most one name", std::string(usage_hint));
    if (command.words.size() == 2 && !store.find(command.words[1]))
        throw Error(ErrorKind::usage, fmt::format("there is no alert called {}", command.words[1]), "alert list shows them");
    int status = 0;
    for (Alert& alert : store.alerts()) {
        if (command.words.size() == 2 && alert.name != command.words[1]) continue;
        try {
            run_one(store, alert, command, out, err);
        } catch (const Error& e) {
            if (e.kind() == ErrorKind::input) throw;  // the output or the state: nothing else can go right
            err << fmt::format("dateline-search: error: alert {}: {}{}\n", alert.name, e.what(),
                               e.hint().empty() ? "" : fmt::format(" (hint: {})", e.hint()));
            if (status == 0) status = exit_status_for(e.kind());
        }
    }
    return status;
}

}  // namespace

int run_alert_command(const AlertCommand& command, std::ostream& out, std::ostream& err) {
    if (command.words.empty()) throw Error(ErrorKind::usage, "alert needs a sub-command", std::string(usage_hint));
    const std::string& what = command.words.front();
    if (what != "add" && what != "list" && what != "remove" && what != "run")
        throw Error(ErrorKind::usage, fmt::format("unknown alert sub-command {}", what), std::string(usage_hint));
    AlertStore store(command.state.empty() ? AlertStore::default_path() : command.state);
    if (what == "add") return add(store, command, out);
    if (what == "list") return list(store, command, out);
    if (what == "remove") return remove(store, command, out);
    return run(store, command, out, err);
}

}  // namespace dateline::searcher
