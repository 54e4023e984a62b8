// SPDX-License-Identifier: GPL-2.0-or-later
// dateline-index: the command line. Parses options into a request, runs it,
// prints the report and returns the exit status.
#include <chrono>
#include <cstdio>
#include <iostream>

#include <boost/program_options.hpp>
#include <fmt/format.h>

#include "indexer/update.hpp"
#include "shared/cli.hpp"
#include "shared/error.hpp"

namespace po = boost::program_options;
using namespace dateline;

namespace {

constexpr std::string_view program = "dateline-index";

constexpr const char* overview = R"(Usage: dateline-index COMMAND [OPTIONS]

Builds and maintains Dateline search databases from news archives.

Commands:
  update    add articles to a database (created if missing), replacing
            articles indexed before

Run 'dateline-index COMMAND --help' for a command's options.

Exit status:
  0  every input was indexed
  1  partial: some inputs were skipped or had problems (see the warnings)
  2  usage error (bad command or option)
  3  database error (cannot open, create or write; built by another version)
  4  input error (a path or manifest given does not exist)
  5  the database is locked by another writer
)";

constexpr const char* update_usage = R"(Usage: dateline-index update --db DB [--manifest FILE]... PATH...

Indexes plain-text articles (one per file; the first non-blank line is the
title) into the database DB, creating it if needed. Directories are walked
recursively in sorted order for *.txt files. An article indexed before (same
URL, or same file when it has no URL) is replaced, not duplicated.

A manifest is a JSON Lines file with one object per article:
  {"path": "a.txt", "url": "...", "outlet": "...", "date": "YYYY-MM-DD",
   "byline": ["..."], "title": "..."}
Paths are relative to the manifest's folder; what it gives wins over the text.

Options)";

int run_update(const std::vector<std::string>& args) {
    indexer::UpdateRequest request;
    po::options_description options(update_usage);
    options.add_options()
        ("help,h", "show this help")
        ("db", po::value(&request.database)->required()->value_name("DB"), "database directory")
        ("manifest", po::value(&request.manifests)->value_name("FILE"),
         "sidecar metadata (JSON Lines); may be repeated");
    po::options_description hidden;
    hidden.add_options()("path", po::value(&request.paths));
    po::options_description all;
    all.add(options).add(hidden);
    po::positional_options_description positional;
    positional.add("path", -1);

    po::variables_map vm;
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    if (vm.count("help")) {
        std::cout << options << '\n';
        return exit_status::ok;
    }
    po::notify(vm);
    if (request.paths.empty())
        throw Error(ErrorKind::usage, "update needs at least one PATH to index",
                    "dateline-index update --db DB PATH...");

    auto started = std::chrono::steady_clock::now();
    indexer::IndexingReport report = indexer::update_database(request);
    std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;

    for (const indexer::InputProblem& problem : report.problems)
        std::cerr << fmt::format("{}: warning: {}: {}\n", program, problem.location, problem.reason);
    std::cout << fmt::format(
        "{}: indexed {} articles ({} new, {} replaced), skipped {}, {} warnings; "
        "{} now holds {} articles ({:.2f} s)\n",
        program, report.added + report.replaced, report.added, report.replaced, report.skipped,
        report.problems.size(), request.database, report.documents_in_database, took.count());
    return report.is_partial() ? exit_status::partial : exit_status::ok;
}

int dispatch(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::cout << overview;
        return args.empty() ? exit_status::usage : exit_status::ok;
    }
    std::string command = args[0];
    args.erase(args.begin());
    if (command == "update") return run_update(args);
    throw Error(ErrorKind::usage, fmt::format("unknown command '{}'", command),
                "see dateline-index --help");
}

}  // namespace

int main(int argc, char** argv) {
    return run_guarded(program, "see dateline-index COMMAND --help", [&] { return dispatch(argc, argv); });
}
