// SPDX-License-Identifier: GPL-2.0-or-later
// dateline-search: the command line. Parses options into a SearchRequest, runs
// the search, hands the result to a printer and returns the exit status.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include <unistd.h>

#include <boost/program_options.hpp>
#include <fmt/format.h>

#include "searcher/alert_command.hpp"
#include "searcher/batch.hpp"
#include "searcher/csv_printer.hpp"
#include "searcher/json_printer.hpp"
#include "searcher/kwic.hpp"
#include "searcher/kwic_printer.hpp"
#include "searcher/search.hpp"
#include "searcher/search_request.hpp"
#include "searcher/shell.hpp"
#include "searcher/show.hpp"
#include "searcher/text_printer.hpp"
#include "searcher/timeline.hpp"
#include "searcher/timeline_printer.hpp"
#include "shared/cli.hpp"
#include "shared/error.hpp"
#include "shared/schema.hpp"
#include "shared/store.hpp"

namespace po = boost::program_options;
using namespace dateline;

namespace {

constexpr std::string_view program = "dateline-search";

std::string usage() {
    return R"(Usage: dateline-search --db DB [OPTIONS] QUERY...
       dateline-search --db DB                      (a terminal: the interactive shell)
       dateline-search --db DB --batch FILE|-
       dateline-search --db DB [--json] show ID
       dateline-search --db DB --timeline UNIT [--by outlet] QUERY...
       dateline-search --db DB --kwic [--context N] [--csv|--jsonl] QUERY...
       dateline-search --db DB alert add NAME QUERY...
       dateline-search alert list | alert remove NAME | alert run [NAME]
       dateline-search --help-query

Searches Dateline databases built by dateline-index and prints the best
matching articles with highlighted snippets, then how the matches divide by
outlet, author, date, person, organisation and place (counted over every
match). 'show ID' prints one article whole (IDs are printed with every hit).
The query language (fields, dates, operators) is in --help-query.

Timeline: --timeline day, week, month or year prints, for each such period
from the archive's first article to its last (within --since and --until),
the articles that match, all articles of the period, and the share of the
one in the other: attention over time, comparable across periods when the
archive holds more articles some years than others. Periods with no article
at all are gaps (-), not zeros; counts are exact. --by outlet: one series
for each of the outlets that match most (--facet outlet:N, default 10),
each divided by that outlet's own articles. Text (with bars on a
terminal), --json, --jsonl (one period a line) or --csv, for plotting.

Concordance: --kwic prints every occurrence of the query's words and
phrases in every matching article (not only the best): the article's id and
date, up to --context characters (default 60) on each side, and the match
as written, lined up in a column; --csv (id, date, outlet, field, left,
match, right) or --jsonl (one object an occurrence, then one line with the
counts and the manifest) for analysis. Articles in index order; streamed,
so a million occurrences take no more memory than ten.

Alerts (saved queries, for cron): 'alert add NAME QUERY' saves a query on
the --db database; 'alert run' prints, for each alert (or the one named),
the articles that match it and were indexed since it last ran, oldest
first (text, or --jsonl: one object a hit with "alert" and "query"), and
nothing at all when nothing is new. An alert records how far it got only
once its output is written: a run that is killed or cannot write reports
the same articles again next time, and a finished run never repeats one.
Alerts live in $XDG_STATE_HOME/dateline/alerts.json (or
~/.local/state/dateline/, or --state FILE), locked while a command uses it:
a second run at the same time stops with status 5. An article indexed again
(changed) is not new; a rebuild keeps what was already there. Cron, mailing
what is new (cron mails any output; an empty run sends nothing):
  0 7 * * *  dateline-search alert run

Shell: with no query and a terminal on standard input, a prompt with line
editing and history; :help lists its commands (:next, :prev, :show N, :sort,
:limit, :facets, :json, :quit).

Batch: each line of FILE (- for standard input) is a query as typed, or a
JSON object {"query": ..., "limit": N, "offset": N, "facets": BOOL or "estimate",
"snippet_length": N, "since": DATE, "until": DATE, "any": BOOL, "sort":
ORDER, "recent": BOOL}; each line, blank ones too, is answered by one JSON line, in order: the
--json object with "line" added, or {"query", "error": {"kind", "message",
"hint"}, "line"} for a line that failed. The databases are opened once and
follow rebuilds and updates between queries.

Exit status:
  0  at least one article matched (show: found; batch: every line answered)
  1  no article matched (show: no such id; batch: some lines are errors)
  2  usage error (bad option or query)
  3  database error (missing, damaged, or built by another version)
  4  the alert file or the output cannot be written or read
  5  another alert command holds the alert file

Options)";
}

// The query language, as docs/query-language.md tells it at more length.
std::string query_help() {
    std::string text = R"(Query language (docs/query-language.md has examples)

Words: all must match (AND), best first; --any makes any word enough. Case
and accents do not matter (Sanchez finds Sánchez, u.s. finds U.S.). English
stems match (strike finds strikes, striking); a name matches its other
spellings in the index (Suleimani finds Soleimani).
  a OR b, a AND b, a NOT b, a XOR b   operators, in capitals
  ( ... )                              grouping
  +word, -word                         must have, must not have
  "a phrase"                           words in this order, side by side
  a NEAR b, a NEAR/5 b                 within 10 (or 5) words, either order
  a ADJ/3 b                            within 3 words, in this order
  missil*                              trailing wildcard: up to 500 most common words

Dates (on the article's publication date; a month or year means all of it):
  date:2020-01-07   date:2020-01   date:2020
  date:2020-01..2020-02   date:2020-01-03..   date:..1987-03
  date:7d..  (also w, m, y: weeks, months, years ago)   date:today   date:yesterday
  --since DATE, --until DATE  (the same dates, as options)

Fields:
)";
    for (const schema::Field& field : schema::all_fields) {
        if (field.name.empty()) continue;
        std::string names(field.name);
        if (!field.alias.empty()) names += ":, " + std::string(field.alias);
        text += fmt::format("  {:<16} {}\n", names + ":", field.help);
    }
    text += R"(
A value of several words goes in quotes: outlet:"The Harbour Courier".
Common words (in over a quarter of the articles) match but do not weigh.
When a query finds two matches or fewer, a respelling from the index's own
words is suggested ("did you mean").
)";
    return text;
}

enum class Output { text, json, jsonl, csv };

Output output_format(bool json, bool jsonl, bool csv) {
    if (json + jsonl + csv > 1) throw Error(ErrorKind::usage, "choose one of --json, --jsonl and --csv");
    return json ? Output::json : jsonl ? Output::jsonl : csv ? Output::csv : Output::text;
}

int run_timeline(const searcher::SearchRequest& request, const std::string& unit, const std::string& by,
                 Output output, bool manifest_only) {
    if (!by.empty() && by != "outlet")
        throw Error(ErrorKind::usage, fmt::format("a timeline can be split by outlet, not by \"{}\"", by), "--by outlet");
    searcher::Searcher searcher(request.databases);
    searcher::Timeline timeline =
        searcher::make_timeline(searcher, request, searcher::parse_time_unit(unit), !by.empty());
    if (manifest_only) {
        searcher::print_json_line(std::cout, searcher::manifest_json(timeline.manifest));
    } else {
        switch (output) {
        case Output::json: searcher::print_timeline_json(std::cout, timeline); break;
        case Output::jsonl: searcher::print_timeline_jsonl(std::cout, timeline); break;
        case Output::csv: searcher::print_timeline_csv(std::cout, timeline); break;
        case Output::text: searcher::print_timeline_text(std::cout, timeline, isatty(STDOUT_FILENO)); break;
        }
    }
    bool matched = std::any_of(timeline.series.begin(), timeline.series.end(),
                               [](const searcher::Series& series) { return series.matches > 0; });
    return matched ? exit_status::ok : exit_status::partial;
}

int run_kwic(const searcher::SearchRequest& request, unsigned context, Output output, bool manifest_only) {
    if (output == Output::csv && !manifest_only) searcher::print_kwic_csv_header(std::cout);
    searcher::Concordance concordance =
        searcher::make_concordance(request, context, [&](const searcher::Occurrence& occurrence) {
            if (manifest_only) return;
            switch (output) {
            case Output::csv: searcher::print_kwic_csv(std::cout, occurrence); break;
            case Output::jsonl: searcher::print_kwic_jsonl(std::cout, occurrence); break;
            default: searcher::print_kwic_text(std::cout, occurrence, context); break;
            }
        });
    if (manifest_only) searcher::print_json_line(std::cout, searcher::manifest_json(concordance.manifest));
    else if (output == Output::jsonl) searcher::print_kwic_summary_jsonl(std::cout, concordance);
    return concordance.articles > 0 ? exit_status::ok : exit_status::partial;
}

void print_result(const searcher::SearchResult& result, Output output) {
    switch (output) {
    case Output::json: searcher::print_json(std::cout, result); return;
    case Output::jsonl: searcher::print_jsonl(std::cout, result); return;
    case Output::csv: searcher::print_csv(std::cout, result); return;
    case Output::text: break;
    }
    bool terminal = isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
    searcher::print_text(std::cout, result, {terminal});
}

int run_show(const std::vector<std::string>& databases, const std::string& id, Output output) {
    std::optional<Article> article = searcher::Searcher(databases).find_article(id);
    if (!article) {
        std::cerr << fmt::format("{}: no article with id {}\n", program, id);
        return exit_status::partial;
    }
    if (output == Output::text) searcher::print_article_text(std::cout, *article);
    else searcher::print_json_line(std::cout, searcher::article_json(id, *article));
    return exit_status::ok;
}

int run_batch(const searcher::SearchRequest& defaults, const std::string& file) {
    std::ifstream opened;
    if (file != "-") {
        opened.open(file);
        if (!opened) throw Error(ErrorKind::usage, fmt::format("cannot read batch file {}", file), "check --batch");
    }
    searcher::Searcher searcher(defaults.databases, defaults.allow_partial);
    auto report = searcher::run_batch(searcher, file == "-" ? std::cin : opened, std::cout, defaults);
    return report.failed == 0 ? exit_status::ok : exit_status::partial;
}

int run(int argc, char** argv) {
    searcher::SearchRequest request;
    std::vector<std::string> words, facet_sizes;
    bool as_json = false, as_jsonl = false, as_csv = false, manifest_only = false, kwic = false;
    unsigned kwic_context = 60;
    std::string batch_file, sort, facet_mode = "exact", timeline_unit, timeline_by, alert_state;
    std::string usage_text = usage();
    po::options_description options(usage_text);
    options.add_options()
        ("help,h", "show this help")
        ("help-query", "explain the query language")
        ("version", "print the version, Xapian's, and where the data is read")
        ("db", po::value(&request.databases)->value_name("DB"),
         "database to search; repeat to search several as one (required, but by alert list, remove and run)")
        ("json", po::bool_switch(&as_json), "print one JSON object (see docs/output-format.md)")
        ("jsonl", po::bool_switch(&as_jsonl), "print one JSON object per hit, one per line")
        ("csv", po::bool_switch(&as_csv), "print one CSV row per hit, under a header row")
        ("manifest-only", po::bool_switch(&manifest_only),
         "print only what the answer was computed from, as JSON: versions, each database's UUID, revision and "
         "generation, the query as parsed, the weighting and options (see docs/reproducibility.md)")
        ("batch", po::value(&batch_file)->value_name("FILE"), "answer the queries in FILE (- for stdin)")
        ("limit,n", po::value(&request.limit)->default_value(10)->value_name("N"), "hits to show")
        ("offset", po::value(&request.offset)->default_value(0)->value_name("N"), "hits to skip first")
        ("snippet-length", po::value(&request.snippet_length)->default_value(200)->value_name("BYTES"),
         "length to aim for in each snippet (0: no snippets, faster)")
        ("since", po::value(&request.since)->value_name("DATE"),
         "only articles dated on or after DATE (2020-01-03, 2020-01, 7d, yesterday)")
        ("until", po::value(&request.until)->value_name("DATE"),
         "only articles dated on or before DATE (the end of a month or year given)")
        ("any", po::bool_switch(&request.match_any),
         "match articles with any of the words, best first (default: all words)")
        ("sort", po::value(&sort)->default_value("relevance")->value_name("ORDER"),
         "relevance (best first), date (oldest first) or -date (newest first)")
        ("recent", po::bool_switch(&request.recent),
         "rank recent articles higher: relevance blended with age (half weight at 180 days before the newest "
         "article held)")
        ("collapse", po::bool_switch(&request.collapse),
         "one hit a story: of an article's syndicated copies (the same text run by other outlets), only the best "
         "ranked is shown; the total counts articles, and the stories are counted too")
        ("weighting", po::value(&request.weighting)->value_name("SCHEME"),
         "how matches are ranked (for experiments): bb2[:c] (default bb2:1.5), bm25[:k1,b], dlh, dph, "
         "pl2[:c], inl2[:c], ifb2[:c], ineb2[:c], tfidf, lm")
        ("common-share", po::value(&request.common_share)->value_name("FRACTION"),
         "(for experiments) a word in more than this share of the articles weighs nothing while the query "
         "has rarer words (default 0.25; 1: never)")
        ("facet", po::value(&facet_sizes)->value_name("NAME:N"),
         "show the top N entries of facet NAME (outlet, byline, person, org, place, cluster; default 10, 0 for all); repeatable")
        ("facets", po::value(&facet_mode)->value_name("MODE"),
         "exact (default: every match counted), estimate (a sample of the archive counted and scaled up; "
         "for very large archives) or off")
        ("no-facets", "skip facet counting (--facets off: faster; the total becomes an estimate)")
        ("timeline", po::value(&timeline_unit)->value_name("UNIT"),
         "attention over time: per day, week, month or year, the matches, all articles and the share (see Timeline)")
        ("by", po::value(&timeline_by)->value_name("outlet"), "with --timeline: one series per outlet")
        ("kwic", po::bool_switch(&kwic), "every occurrence of the query in every match, in context (see Concordance)")
        ("context", po::value(&kwic_context)->default_value(60)->value_name("N"),
         "with --kwic: characters of context on each side")
        ("allow-partial", po::bool_switch(&request.allow_partial),
         "when a tcp:HOST:PORT database cannot be reached, answer from the others and say which was left out "
         "(JSON: \"partial\": true, \"missing\": [...]) instead of failing")
        ("remote-timeout", po::value<double>()->value_name("SECONDS"),
         "how long a tcp:HOST:PORT database may take to connect or to answer before the search fails with an "
         "error naming it (default 10)")
        ("state", po::value(&alert_state)->value_name("FILE"),
         "the alerts' file (default $XDG_STATE_HOME/dateline/alerts.json)");
    po::options_description hidden;
    hidden.add_options()("query", po::value(&words));
    po::options_description all;
    all.add(options).add(hidden);
    po::positional_options_description positional;
    positional.add("query", -1);

    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    if (printed_help_or_version(vm, options, program)) return exit_status::ok;
    if (vm.count("help-query")) {
        std::cout << query_help();
        return exit_status::ok;
    }
    po::notify(vm);
    if (vm.count("remote-timeout")) store::set_remote_timeout(vm["remote-timeout"].as<double>());
    searcher::set_facet_mode(request, vm.count("no-facets") ? "off" : facet_mode);
    request.sort = searcher::parse_sort_order(sort);
    request.facet_sizes = searcher::parse_facet_sizes(facet_sizes);
    Output output = output_format(as_json, as_jsonl, as_csv);
    if (!words.empty() && words.front() == "alert") {
        if (!batch_file.empty() || !timeline_unit.empty())
            throw Error(ErrorKind::usage, "alert is a command of its own: no --batch or --timeline with it");
        if (output == Output::csv) throw Error(ErrorKind::usage, "alerts print text or --jsonl, not --csv");
        searcher::AlertCommand command{.words = {words.begin() + 1, words.end()},
                                       .databases = request.databases,
                                       .state = alert_state,
                                       .json = output != Output::text,
                                       .snippet_length = request.snippet_length,
                                       .terminal = isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr};
        return searcher::run_alert_command(command, std::cout, std::cerr);
    }
    if (request.databases.empty())
        throw Error(ErrorKind::usage, "the option '--db' is required but missing", "see dateline-search --help");
    if (!alert_state.empty()) throw Error(ErrorKind::usage, "--state is for alert commands");
    if (!batch_file.empty()) {
        if (!words.empty()) throw Error(ErrorKind::usage, "give queries either with --batch or on the command line");
        if (!timeline_unit.empty()) throw Error(ErrorKind::usage, "a timeline takes its query on the command line, not --batch");
        return run_batch(request, batch_file);
    }
    if (kwic) {
        if (!timeline_unit.empty()) throw Error(ErrorKind::usage, "choose one of --kwic and --timeline");
        if (words.empty()) throw Error(ErrorKind::usage, "a concordance needs a query", "--kwic QUERY");
        if (output == Output::json) throw Error(ErrorKind::usage, "--kwic streams: give --jsonl or --csv, not --json");
        for (const std::string& word : words) request.query += (request.query.empty() ? "" : " ") + word;
        return run_kwic(request, kwic_context, output, manifest_only);
    }
    if (!timeline_by.empty() && timeline_unit.empty())
        throw Error(ErrorKind::usage, "--by splits a timeline", "--timeline week --by outlet QUERY");
    if (!timeline_unit.empty()) {
        if (words.empty()) throw Error(ErrorKind::usage, "a timeline needs a query", "--timeline week QUERY");
        for (const std::string& word : words) request.query += (request.query.empty() ? "" : " ") + word;
        return run_timeline(request, timeline_unit, timeline_by, output, manifest_only);
    }
    if (words.size() == 2 && words[0] == "show" && searcher::looks_like_article_id(words[1]))
        return run_show(request.databases, words[1], output);
    if (words.empty() && isatty(STDIN_FILENO)) return searcher::run_shell(request);
    for (const std::string& word : words) request.query += (request.query.empty() ? "" : " ") + word;

    searcher::SearchResult result = searcher::search(request);
    if (manifest_only) searcher::print_json_line(std::cout, searcher::manifest_json(result.manifest));
    else print_result(result, output);
    return result.total > 0 ? exit_status::ok : exit_status::partial;
}

}  // namespace

int main(int argc, char** argv) {
    return run_guarded(program, "see dateline-search --help", [&] { return run(argc, argv); });
}
