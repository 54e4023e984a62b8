// SPDX-License-Identifier: GPL-2.0-or-later
// The programs as installed: `meson install` into a staging tree, then the
// staged programs index and search the staged sample archive (an example,
// in PREFIX/share/doc/dateline/examples) reading the staged data
// (PREFIX/share/dateline beside PREFIX/bin), not the source tree's; the man
// pages, completion and the other examples are there too.
#include <catch2/catch.hpp>

#include <filesystem>

#include "tests/support.hpp"

using namespace dateline;
using test::run_command;
using test::shell_quote;

TEST_CASE("installed programs run from a staging tree and read the data installed beside them", "[install]") {
    test::TempDir dir;
    std::filesystem::path build = std::filesystem::path(test::index_binary()).parent_path().parent_path();
    auto installed = run_command("meson install -C " + shell_quote(build.string()) + " --no-rebuild --quiet --destdir " +
                                 shell_quote(dir / "stage"));
    INFO(installed.out << installed.err);
    REQUIRE(installed.status == 0);
    std::filesystem::path bin;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir.path() / "stage"))
        if (entry.path().filename() == "dateline-index") bin = entry.path().parent_path();
    REQUIRE(!bin.empty());
    std::filesystem::path data = bin.parent_path() / "share" / "dateline";
    CHECK(std::filesystem::exists(data / "ner" / "model.bin.gz"));
    CHECK(std::filesystem::exists(data / "web" / "index.html"));
    // A man page a program and a dateline-index command (help2man, a build
    // dependency setup.sh installs).
    for (const char* page : {"dateline-index", "dateline-index-update", "dateline-index-rebuild", "dateline-index-compact",
                             "dateline-index-stats", "dateline-index-extract", "dateline-search", "dateline-serve"})
        CHECK(std::filesystem::exists(bin.parent_path() / "share" / "man" / "man1" / (std::string(page) + ".1")));

    // bash completion, under each program's name, completing from the
    // staged programs' own --help.
    std::filesystem::path completions = bin.parent_path() / "share" / "bash-completion" / "completions";
    const std::string script = R"(. "$1"
try() { COMP_WORDS=("${@:2}"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=(); "$1" "${COMP_WORDS[0]}"
        echo "${COMPREPLY[*]}"; }
try _dateline_index dateline-index re; try _dateline_index dateline-index rebuild --ma
try _dateline_search dateline-search --sort -; try _dateline_search dateline-search pers
try _dateline_search dateline-serve --time-l)";
    auto completed = run_command("PATH=" + shell_quote(bin.string()) + ":$PATH bash -c " + shell_quote(script) +
                                 " bash " + shell_quote((completions / "dateline-search").string()));
    INFO(completed.err);
    CHECK(completed.out == "rebuild\n--manifest --map\n-date\nperson:\n--time-limit\n");
    for (const char* program : {"dateline-index", "dateline-search", "dateline-serve"})
        CHECK(std::filesystem::exists(completions / program));

    // zsh completion, the same cases, with compadd and _files standing in
    // for zsh's completion system (they print what would be offered: the
    // candidates that begin with the word completed).
    std::filesystem::path zsh_completion = bin.parent_path() / "share" / "zsh" / "vendor-completions" / "_dateline";
    const std::string zsh_script = R"(compadd() { local -a offered; while (($#)); do case $1 in
        -S) shift 2 ;; -a) offered+=(${(P)2}); shift 2 ;; *) offered+=($1); shift ;; esac; done
        print -rn -- "${(@M)offered:#${words[CURRENT]}*} " }
_files() { print -rn -- "files($*) " }
try() { service=$1; words=("$@"); CURRENT=$#; source $completion; print }
completion=$1
try dateline-index re; try dateline-index rebuild --ma; try dateline-index rebuild ./ar
try dateline-search --sort -; try dateline-search pers; try dateline-search --db t; try dateline-serve --time-l)";
    auto zsh_completed = run_command("PATH=" + shell_quote(bin.string()) + ":$PATH zsh -fc " + shell_quote(zsh_script) +
                                     " zsh " + shell_quote(zsh_completion.string()));
    INFO(zsh_completed.err);
    CHECK(zsh_completed.out ==
          "rebuild \n"
          "--manifest --map \n"
          "files() \n"
          "-date \n"
          "person:  \n"  // and "show", not offered: it does not begin with "pers"
          "files(-/) tcp: \n"
          "--time-limit \n");

    const std::string clean_env = "env -u DATELINE_DATA_DIR ";
    for (const char* program : {"dateline-index", "dateline-search", "dateline-serve"}) {
        auto version = run_command(clean_env + shell_quote((bin / program).string()) + " --version");
        INFO(program << ": " << version.err);
        CHECK(version.status == 0);
        CHECK(version.out.starts_with(std::string(program) + " " + test::project_version() + "\nXapian 1."));
        CHECK(version.out.find("\ndata " + data.string() + "\n") != std::string::npos);
    }

    // The examples: the sample archive, the cron and systemd set-ups.
    std::filesystem::path examples = bin.parent_path() / "share" / "doc" / "dateline" / "examples";
    for (const char* example : {"dateline.crontab", "dateline-update.timer", "dateline-update.service",
                                "dateline-rebuild.timer", "dateline-rebuild.service", "index.conf.example",
                                "dateline-serve.service"})
        CHECK(std::filesystem::exists(examples / example));

    // A whole job with the staged programs on the staged sample: entities
    // need the staged model.
    auto indexed = run_command(clean_env + shell_quote((bin / "dateline-index").string()) + " update --quiet --db " +
                               shell_quote(dir / "db") + " --manifest " +
                               shell_quote((examples / "sample" / "manifest.jsonl").string()) + " " +
                               shell_quote((examples / "sample" / "articles").string()));
    INFO(indexed.err);
    REQUIRE(indexed.status == 0);
    auto found = run_command(clean_env + shell_quote((bin / "dateline-search").string()) + " --db " +
                             shell_quote(dir / "db") + " --limit 1 --no-facets 'person:\"Grace Oduya\"'");
    INFO(found.err);
    CHECK(found.status == 0);
    CHECK(found.out.find("matches for") != std::string::npos);
}
