// SPDX-License-Identifier: GPL-2.0-or-later
// dateline-search: the command line. Parses options into a SearchRequest, runs
// the search, hands the result to a printer and returns the exit status.
#include <cstdlib>
#include <iostream>

#include <unistd.h>

#include <boost/program_options.hpp>
#include <fmt/format.h>

#include "searcher/json_printer.hpp"
#include "searcher/search.hpp"
#include "searcher/text_printer.hpp"
#include "shared/cli.hpp"
#include "shared/error.hpp"
#include "shared/schema.hpp"

namespace po = boost::program_options;
using namespace dateline;

namespace {

constexpr std::string_view program = "dateline-search";

std::string usage() {
    std::string text = R"(Usage: dateline-search --db DB [OPTIONS] QUERY...

Searches Dateline databases built by dateline-index and prints the best
matching articles with highlighted snippets, then how the matches divide by
outlet and by month (counted over every match).

Query syntax: words must all match (AND); also OR, NOT, AND, parentheses,
+word, -word, "a phrase", and a trailing wildcard (missil*). Fields:
)";
    for (const schema::Field& field : schema::all_fields) {
        if (field.name.empty()) continue;
        std::string names(field.name);
        if (!field.alias.empty()) names += ":, " + std::string(field.alias);
        text += fmt::format("  {:<16} {}\n", names + ":", field.help);
    }
    text += R"(
Exit status:
  0  at least one article matched
  1  no article matched
  2  usage error (bad option or query)
  3  database error (missing, damaged, or built by another version)

Options)";
    return text;
}

int run(int argc, char** argv) {
    searcher::SearchRequest request;
    std::vector<std::string> words;
    bool as_json = false;
    std::string usage_text = usage();
    po::options_description options(usage_text);
    options.add_options()
        ("help,h", "show this help")
        ("db", po::value(&request.databases)->required()->value_name("DB"),
         "database to search; repeat to search several as one")
        ("json", po::bool_switch(&as_json), "print one JSON object (see docs/output-format.md)")
        ("limit,n", po::value(&request.limit)->default_value(10)->value_name("N"), "hits to show")
        ("offset", po::value(&request.offset)->default_value(0)->value_name("N"), "hits to skip first")
        ("snippet-length", po::value(&request.snippet_length)->default_value(200)->value_name("BYTES"),
         "length to aim for in each snippet")
        ("no-facets", "skip facet counting (faster; the total becomes an estimate)");
    po::options_description hidden;
    hidden.add_options()("query", po::value(&words));
    po::options_description all;
    all.add(options).add(hidden);
    po::positional_options_description positional;
    positional.add("query", -1);

    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    if (vm.count("help")) {
        std::cout << options << '\n';
        return exit_status::ok;
    }
    po::notify(vm);
    request.facets = vm.count("no-facets") == 0;
    for (const std::string& word : words) request.query += (request.query.empty() ? "" : " ") + word;

    searcher::SearchResult result = searcher::search(request);
    if (as_json) {
        searcher::print_json(std::cout, result);
    } else {
        bool terminal = isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
        searcher::print_text(std::cout, result, {terminal});
    }
    return result.total > 0 ? exit_status::ok : exit_status::partial;
}

}  // namespace

int main(int argc, char** argv) {
    return run_guarded(program, "see dateline-search --help", [&] { return run(argc, argv); });
}
