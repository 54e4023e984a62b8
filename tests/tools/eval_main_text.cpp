// SPDX-License-Identifier: GPL-2.0-or-later
// eval-main-text: how much of the article, and how little else, Dateline
// keeps from a careless scrape, scored as the article extraction benchmark
// scores extractors (../shared/corpora/article_extraction_benchmark).
//   eval-main-text export CORPUS FOLDER  writes each page's full_page_text
//                                        (all visible text) as FOLDER/<id>.txt
//   eval-main-text score CORPUS DB       scores the body Dateline indexed for
//                                        each file against the page's
//                                        article_body; also scores the raw
//                                        dump itself, for reference
// The metric is the benchmark's (tests/tools/shingle_f1.hpp).
#include <exception>
#include <fstream>
#include <iostream>
#include <map>
#include <vector>

#include <fmt/format.h>
#include <xapian.h>

#include "shared/document_codec.hpp"
#include "shared/store.hpp"
#include "tests/corpus_files.hpp"
#include "tests/tools/shingle_f1.hpp"

using namespace dateline;

namespace {

int export_pages(const std::string& corpus, const std::string& folder) {
    std::filesystem::create_directories(folder);
    int written = 0;
    test::for_each_corpus_record(corpus, [&](const nlohmann::json& page) {
        std::ofstream(std::filesystem::path(folder) / (test::string_field(page, "id") + ".txt"))
            << test::string_field(page, "full_page_text");
        ++written;
        return true;
    });
    std::cerr << fmt::format("eval-main-text: {} pages written to {}\n", written, folder);
    return 0;
}

int score(const std::string& corpus, const std::string& db_path) {
    std::map<std::string, std::string> body_of;  // page id -> indexed body
    Xapian::Database db = store::open_for_search({db_path});
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        Article article = decode_article(db.get_document(*it).get_data());
        std::string name = article.source.substr(article.source.rfind('/') + 1);
        body_of[name.substr(0, name.rfind('.'))] = article.body;  // the title is not body text
    }
    std::vector<test::ShingleMatch> dateline, dump;
    int missing = 0;
    test::for_each_corpus_record(corpus, [&](const nlohmann::json& page) {
        std::string truth = test::string_field(page, "article_body");
        auto found = body_of.find(test::string_field(page, "id"));
        if (found == body_of.end()) ++missing;
        dateline.push_back(test::match_shingles(truth, found == body_of.end() ? "" : found->second));
        dump.push_back(test::match_shingles(truth, test::string_field(page, "full_page_text")));
        return true;
    });
    if (missing) std::cerr << fmt::format("eval-main-text: {} pages not in the database (scored as empty)\n", missing);
    std::cout << fmt::format("scraped_text_f1 {:.4f}\nscraped_text_dump_f1 {:.4f}\n", test::shingle_f1(dateline), test::shingle_f1(dump));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        std::string command = argc == 4 ? argv[1] : "";
        if (command == "export") return export_pages(argv[2], argv[3]);
        if (command == "score") return score(argv[2], argv[3]);
        std::cerr << "usage: eval-main-text export CORPUS FOLDER | eval-main-text score CORPUS DB\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "eval-main-text: " << e.what() << '\n';
        return 1;
    }
}
