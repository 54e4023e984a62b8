// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/command_line.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include <boost/program_options.hpp>
#include <fmt/format.h>

#include "shared/error.hpp"
#include "shared/version.hpp"

namespace dateline::indexer {
namespace po = boost::program_options;
namespace {

constexpr const char* overview = R"(Usage: dateline-index COMMAND [OPTIONS]

Builds and maintains Dateline search databases from news archives. Safe to
run from cron: one writer at a time, batches committed as it goes, searchers
never see a half-built database.

Commands:
  update    bring a database up to date: add new articles, rewrite changed
            ones, skip unchanged ones (created if missing)
  rebuild   index everything into a new generation, then switch to it
            atomically; searches keep using the old one until then
  compact   rewrite the database compactly as a new generation and switch
  stats     what a database holds
  extract   print each article as it would be indexed (title, outlet, date,
            byline, text, entities), one JSON object a line; no database

Run 'dateline-index COMMAND --help' for a command's options,
'dateline-index --version' for the version and where its data is read.

Configuration: every option can be set in a file, one 'key = value' a line,
keys as the long options ('path = DIR' for archive paths). Read from --config
FILE, or else the first of $XDG_CONFIG_HOME/dateline/index.conf (default
~/.config/dateline/index.conf) and /etc/dateline/index.conf. Options given on
the command line win.

Output: warnings and errors on stderr, one summary line on stdout; a progress
bar on stderr only when it is a terminal. --log-format json makes each a JSON
object on its own line.

Exit status:
  0  success
  1  partial: some inputs were skipped or had problems (see the warnings)
  2  usage error (bad command, option or config file)
  3  failed: database error (cannot open, create or write, e.g. disk full;
     built by another version). The database holds what was last committed.
  4  failed: input error (a path or manifest given does not exist)
  5  locked: another dateline-index is writing this database
)";

constexpr const char* indexing_text = R"(Inputs, each perhaps gzipped (the format is told from the name, then the
content; --format overrides):
  text   *.txt, one scraped article a file: furniture lines (menus, ads,
         captions, bios, "Sponsored Links by Taboola") are left out, and
         title, outlet, date, byline and dateline are read from the lines
         around the story (phrases in data/scrape/, outlets in data/outlets.tsv)
  html   *.html, *.htm: metadata from JSON-LD, Open Graph, <meta> and <time>;
         the story's text found among the page's blocks
  jsonl  *.jsonl, *.ndjson, one article a line. Keys tried by default: title:
         title, headline; text: text, content, body, article, main_text; date:
         date, published, publish_date, time, timestamp; byline: authors,
         author, byline; url: url, link; outlet: outlet, source, publication,
         site_name, domain; id: id, _id, uuid. --map FIELD=KEY overrides.
  warc   *.warc, *.warc.gz (WARC/1.0, 1.1; gzip a record at a time or
         whole): each archived HTML page (a response record, 200, text/html;
         chunked and gzip bodies read) as an html input, with the record's
         URL, and its capture date where the page gives none; other
         records are passed over and counted (--verbose); a damaged record
         is reported by its byte offset and reading goes on.
Text that is not UTF-8 is read as Windows-1252, with a warning. A file or
line that cannot be an article (empty, binary, broken JSON, a page with no
text, over 16 MB) is reported with its file and line and skipped; the rest
is indexed and the exit status is 1.

An article is identified by its URL, else its record id, else its file (and
line); indexing it again replaces it. An article whose bytes and manifest
entry are unchanged since it was indexed is not written at all.

A manifest gives metadata beside the articles: JSON Lines, one object an
article, or CSV (a name ending in .csv) with a header row:
  {"path": "a.txt", "url": "...", "outlet": "...", "date": "YYYY-MM-DD",
   "byline": ["..."], "title": "..."}
  path,outlet,date,byline
  a.txt,The Harbour Courier,2024-01-05,Noor Aziz; Pieter de Wit
A row names its article by path (relative to the manifest's folder) or, for
pages and records that carry a URL, by url alone. --path-template reads
outlet and date from where each file is filed: '{outlet}/{yyyy}/{mm}/{dd}/*'
matches the last four parts of the path ({date} matches 2024-01-05 or
20240105; * any name). What a manifest gives wins over the path, which wins
over the page's own metadata (for JSON Lines records: fills what they lack),
which wins over what is read from its text. Outlet names are made one
through data/outlets.tsv ("washingtonpost.com", "Washington Post" and a
folder named "washington-post" are "The Washington Post").
)";

struct Descriptions {
    po::options_description common{"Options"};
    po::options_description indexing{"Indexing"};
    po::options_description update{"Update"};
    po::options_description stats{"Stats"};
    po::options_description hidden;
};

// Options whose values need checking or converting after parsing.
struct RawOptions {
    bool no_entities = false;
    bool no_copy_groups = false;
    std::string log_format;
    unsigned wait_seconds = 0;
    bool quiet = false, verbose = false;
};

void describe_options(Descriptions& d, CommandLine& c, RawOptions& raw) {
    d.common.add_options()
        ("help,h", "show this help")
        ("db", po::value(&c.request.database)->value_name("DB"), "database directory (required)")
        ("config", po::value(&c.config_file)->value_name("FILE"), "read options from FILE")
        ("wait", po::value(&raw.wait_seconds)->implicit_value(0)->value_name("SECONDS"),
         "if another run is writing, wait for it: --wait=SECONDS, or --wait alone (last) to wait as long as it takes")
        ("log-format", po::value(&raw.log_format)->value_name("text|json"), "text (default) or JSON lines")
        ("quiet,q", po::bool_switch(&raw.quiet), "no progress bar and no summary: only warnings and errors")
        ("verbose,v", po::bool_switch(&raw.verbose), "also name every file as it is indexed, unchanged or skipped");
    d.indexing.add_options()
        ("manifest", po::value(&c.request.manifests)->value_name("FILE"), "sidecar metadata (JSON Lines, or CSV if FILE ends in .csv); repeatable")
        ("path-template", po::value(&c.request.path_template)->value_name("TEMPLATE"),
         "read outlet and date from each file's path, e.g. '{outlet}/{yyyy}/{mm}/{dd}/*'")
        ("batch-size", po::value(&c.request.batch_size)->value_name("N"),
         "articles written between commits (default 1000)")
        ("jobs,j", po::value(&c.request.jobs)->value_name("N"),
         "threads that extract, recognise entities and (rebuild) write (default: one a core)")
        ("format", po::value(&c.request.format)->value_name("auto|text|jsonl|html|warc"),
         "input format (default auto: by name, then by content)")
        ("no-entities", po::bool_switch(&raw.no_entities),
         "do not recognise people, organisations and places (faster; no person:/org:/place: search or facets)")
        ("no-copy-groups", po::bool_switch(&raw.no_copy_groups),
         "leave syndicated copies ungrouped for now (faster: an update of articles dated all over the archive "
         "reads the weeks around each); the next run without it groups what this one added")
        ("map", po::value(&c.request.field_map)->value_name("FIELD=KEY"),
         "JSON Lines: read FIELD (title, text, date, byline, url, outlet, id, dateline) from KEY; repeatable");
    d.update.add_options()("prune", po::bool_switch(&c.request.prune), "remove articles whose file below PATH is gone");
    d.stats.add_options()("json", po::bool_switch(&c.json), "print one JSON object");
    d.hidden.add_options()("path", po::value(&c.request.paths));
}

std::optional<Command> command_named(const std::string& name) {
    if (name == "update") return Command::update;
    if (name == "rebuild") return Command::rebuild;
    if (name == "compact") return Command::compact;
    if (name == "stats") return Command::stats;
    if (name == "extract") return Command::extract;
    return std::nullopt;
}

std::string command_help(Command command, const Descriptions& d) {
    struct Help {
        std::string_view usage, about;
        bool reads_archive;                       // explains PATH... and takes the indexing options
        const po::options_description* own;      // the command's own options, if any
    };
    auto help_of = [&]() -> Help {
        switch (command) {
        case Command::update:
            return {"update --db DB [--manifest FILE]... [--prune] PATH...",
                    "Brings DB up to date with the archive at PATH..., creating it if needed.", true, &d.update};
        case Command::rebuild:
            return {"rebuild --db DB [--manifest FILE]... PATH...",
                    "Indexes PATH... into a new generation of DB and switches to it atomically.\n"
                    "Searches answer from the old generation until the switch; if the rebuild\n"
                    "fails, the new generation is removed and the old one stays live.", true, nullptr};
        case Command::compact:
            return {"compact --db DB", "Rewrites DB compactly into a new generation and switches to it atomically.",
                    false, nullptr};
        case Command::extract:
            return {"extract [--manifest FILE]... PATH...",
                    "Prints every article in PATH... as update would index it, one JSON object\n"
                    "a line (docs/output-format.md): source, title, outlet, date, byline,\n"
                    "dateline, credits, url, text, removed, warnings, and entities (name, type,\n"
                    "mentions, forms, key). Problems go to stderr; exit status 1 if any.", true, nullptr};
        case Command::stats:
            return {"stats --db DB [--json]",
                    "Documents, date range, outlets, size on disk, schema version, last update\n"
                    "and generation of DB.", false, &d.stats};
        }
        return {};
    };
    Help help = help_of();
    std::ostringstream text;
    text << "Usage: dateline-index " << help.usage << "\n\n" << help.about << "\n\n";
    if (help.reads_archive) text << indexing_text << '\n';
    text << d.common;
    if (help.reads_archive) text << '\n' << d.indexing;
    if (help.own) text << '\n' << *help.own;
    return text.str();
}

LogFormat parse_log_format(const std::string& name) {
    if (name.empty() || name == "text") return LogFormat::text;
    if (name == "json") return LogFormat::json;
    throw Error(ErrorKind::usage, fmt::format("unknown log format '{}'", name), "use --log-format text or json");
}

}  // namespace

std::string default_config_file() {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    const char* home = std::getenv("HOME");
    std::vector<std::filesystem::path> candidates;
    if (xdg && *xdg) candidates.emplace_back(std::filesystem::path(xdg) / "dateline/index.conf");
    else if (home && *home) candidates.emplace_back(std::filesystem::path(home) / ".config/dateline/index.conf");
    candidates.emplace_back("/etc/dateline/index.conf");
    for (const auto& candidate : candidates) {
        std::error_code ignored;
        if (std::filesystem::is_regular_file(candidate, ignored)) return candidate.string();
    }
    return {};
}

ParsedCommandLine parse_command_line(const std::vector<std::string>& args) {
    ParsedCommandLine parsed;
    CommandLine& c = parsed.command_line;
    Descriptions d;
    RawOptions raw;
    describe_options(d, c, raw);

    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        if (args.empty()) throw Error(ErrorKind::usage, "no command given", "see dateline-index --help");
        parsed.help = overview;
        return parsed;
    }
    if (args[0] == "--version") {
        parsed.help = version_text("dateline-index");
        return parsed;
    }
    std::optional<Command> command = command_named(args[0]);
    if (!command)
        throw Error(ErrorKind::usage, fmt::format("unknown command '{}'", args[0]), "see dateline-index --help");
    c.command = *command;

    // The command line accepts only this command's options; a config file
    // may hold options for every command, and those that do not apply are
    // ignored.
    po::options_description accepted, everything;
    accepted.add(d.common).add(d.hidden);
    bool indexes = c.command == Command::update || c.command == Command::rebuild;
    bool reads_paths = indexes || c.command == Command::extract;
    if (reads_paths) accepted.add(d.indexing);
    if (c.command == Command::update) accepted.add(d.update);
    if (c.command == Command::stats) accepted.add(d.stats);
    everything.add(d.common).add(d.indexing).add(d.update).add(d.stats).add(d.hidden);
    po::positional_options_description positional;
    positional.add("path", -1);

    po::variables_map vm;
    std::vector<std::string> rest(args.begin() + 1, args.end());
    po::store(po::command_line_parser(rest).options(accepted).positional(positional).run(), vm);
    if (vm.count("help")) {
        parsed.help = command_help(c.command, d);
        return parsed;
    }
    bool paths_on_command_line = vm.count("path") > 0;
    std::string config = vm.count("config") ? vm["config"].as<std::string>() : default_config_file();
    if (!config.empty()) {
        std::ifstream in(config);
        if (!in) throw Error(ErrorKind::usage, fmt::format("cannot read config file {}", config), "check --config");
        po::store(po::parse_config_file(in, everything), vm);
    }
    po::notify(vm);
    c.config_file = config;

    if (c.request.database.empty() && c.command != Command::extract)
        throw Error(ErrorKind::usage, "no database given", "name one with --db DB (or db = DB in the config file)");
    if (reads_paths && c.request.paths.empty())
        throw Error(ErrorKind::usage, "nothing to index: no PATH given",
                    fmt::format("dateline-index {} --db DB PATH...", args[0]));
    if (!reads_paths && paths_on_command_line)
        throw Error(ErrorKind::usage, fmt::format("{} takes no PATH", args[0]), "see dateline-index --help");
    if (c.request.batch_size == 0) throw Error(ErrorKind::usage, "--batch-size must be at least 1");
    if (vm.count("jobs") && (c.request.jobs == 0 || c.request.jobs > 256))
        throw Error(ErrorKind::usage, "--jobs must be between 1 and 256");
    c.request.prune = c.request.prune && c.command == Command::update;
    if (vm.count("wait"))  // --wait alone: as long as it takes (ten years)
        c.request.wait = raw.wait_seconds == 0 ? std::chrono::hours(24 * 365 * 10) : std::chrono::seconds(raw.wait_seconds);
    c.log.format = parse_log_format(raw.log_format);
    if (raw.quiet) c.log.verbosity = Verbosity::quiet;
    if (raw.verbose) c.log.verbosity = Verbosity::verbose;
    c.request.entities = !raw.no_entities;
    c.request.copy_groups = !raw.no_copy_groups;
    c.log.progress = c.log.format == LogFormat::text && c.log.verbosity != Verbosity::quiet && isatty(STDERR_FILENO);
    return parsed;
}

}  // namespace dateline::indexer
