// SPDX-License-Identifier: GPL-2.0-or-later
// score-extraction: how well `dateline-index extract` reads the labelled sets
// in the team kit (../shared), one "metric value" line each. It never runs
// the indexer itself: scripts/score-extraction.sh exports the inputs, runs
// extract, and hands its JSON Lines output here.
//   export-text AEB FOLDER     each page's full_page_text as FOLDER/<id>.txt
//   export-html AEB FOLDER     each page's HTML as FOLDER/<id>.html
//   export-pages PAGES DATES META FOLDER
//                              every annotated trafilatura/htmldate page as
//                              FOLDER/<page_id>.html, and FOLDER/manifest.jsonl
//                              with its URL (what a crawl records beside it)
//   seeds EXPECTED EXTRACT     exact title/outlet/date/byline/dateline, furniture
//                              kept out of the text, sentences kept in it
//   main-text AEB EXTRACT NAME the benchmark's shingle F1 (precision, recall)
//                              of each page's text against its article_body
//   metadata DATES META EXTRACT
//                              date accuracy on htmldate's labels; author
//                              and title accuracy on trafilatura's. The
//                              dated pages are also split by site into a
//                              tuning part and a check part (check_part):
//                              date rules are chosen on the first, and kept
//                              only if they help the second too
#include <exception>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "scripts/measure/corpus_files.hpp"
#include "scripts/measure/eval/shingle_f1.hpp"
#include "shared/stable_hash.hpp"

using namespace dateline;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string or_empty(const json& value) { return value.is_string() ? value.get<std::string>() : ""; }

// extract's output by file name without extension: "000_6a39.txt" -> "000_6a39".
std::map<std::string, json> read_extract(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(fmt::format("cannot read {}", path));
    std::map<std::string, json> by_name;
    for (std::string line; std::getline(in, line);) {
        json article = json::parse(line);
        fs::path source = or_empty(article["source"]);
        by_name[source.stem().string()] = std::move(article);
    }
    return by_name;
}

// White space runs (non-breaking spaces included) as one space, for finding
// a labelled line in a text whose paragraphs were re-flowed.
std::string squeezed(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        bool nbsp = text.compare(i, 2, "\xc2\xa0") == 0;
        if (nbsp || text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r') {
            if (!out.empty() && out.back() != ' ') out += ' ';
            if (nbsp) ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

int export_field(const std::string& corpus, const std::string& folder, const char* field, const char* extension) {
    fs::create_directories(folder);
    int written = 0;
    test::for_each_corpus_record(corpus, [&](const json& page) {
        std::ofstream(fs::path(folder) / (test::string_field(page, "id") + extension)) << test::string_field(page, field);
        ++written;
        return true;
    });
    std::cerr << fmt::format("score-extraction: {} pages written to {}\n", written, folder);
    return 0;
}

int export_pages(const std::string& pages, const std::string& dates, const std::string& meta, const std::string& folder) {
    std::map<std::string, std::string> url_of;
    for (const std::string& labels : {dates, meta})
        test::for_each_corpus_record(labels, [&](const json& label) {
            url_of[test::string_field(label, "page_id")] = test::string_field(label, "url");
            return true;
        });
    fs::create_directories(folder);
    std::ofstream manifest(fs::path(folder) / "manifest.jsonl");
    test::for_each_corpus_record(pages, [&](const json& page) {
        std::string id = test::string_field(page, "page_id");
        auto url = url_of.find(id);
        if (url == url_of.end()) return true;
        std::ofstream(fs::path(folder) / (id + ".html")) << test::string_field(page, "html");
        manifest << json{{"path", id + ".html"}, {"url", url->second}}.dump() << '\n';
        return true;
    });
    return 0;
}

int score_seeds(const std::string& expected_path, const std::string& extract) {
    std::ifstream in(expected_path);
    if (!in) throw std::runtime_error(fmt::format("cannot read {}", expected_path));
    json expected = json::parse(in);
    std::map<std::string, json> by_name = read_extract(extract);
    std::map<std::string, int> right;
    int files = 0, furniture = 0, furniture_out = 0, keeps = 0, kept = 0;
    for (const json& label : expected["articles"]) {
        ++files;
        std::string file = label["file"].get<std::string>();
        auto found = by_name.find(fs::path(file).stem().string());
        if (found == by_name.end()) {
            std::cerr << fmt::format("score-extraction: {} was not extracted\n", file);
            continue;
        }
        const json& a = found->second;
        auto check = [&](const char* field, bool ok) {
            right[field] += ok;
            if (!ok) std::cerr << fmt::format("score-extraction: {} {}: got {}, want {}\n", file, field, a[field].dump(), label[field].dump());
        };
        check("title", a["title"] == label["title"]);
        check("outlet", a["outlet"] == label["outlet"]);
        check("date", a["date"] == label["date"]);
        check("byline", a["byline"] == label["byline"]);
        check("dateline", a["dateline"] == label["dateline"]);
        std::string text = squeezed(or_empty(a["text"]));
        for (const json& line : label["boilerplate"]) {
            ++furniture;
            bool out = text.find(squeezed(line.get<std::string>())) == std::string::npos;
            furniture_out += out;
            if (!out) std::cerr << fmt::format("score-extraction: {} keeps furniture: {}\n", file, line.get<std::string>());
        }
        for (const json& sentence : label["body_keeps"]) {
            ++keeps;
            bool in_text = text.find(squeezed(sentence.get<std::string>())) != std::string::npos;
            kept += in_text;
            if (!in_text) std::cerr << fmt::format("score-extraction: {} lost: {}\n", file, sentence.get<std::string>());
        }
    }
    for (const char* field : {"title", "outlet", "date", "byline", "dateline"})
        std::cout << fmt::format("seeds_{} {:.4f}\n", field, files ? right[field] / double(files) : 0.0);
    std::cout << fmt::format("seeds_furniture_removed {:.4f}\n", furniture ? furniture_out / double(furniture) : 0.0);
    std::cout << fmt::format("seeds_body_kept {:.4f}\n", keeps ? kept / double(keeps) : 0.0);
    return 0;
}

int score_main_text(const std::string& corpus, const std::string& extract, const std::string& name) {
    std::map<std::string, json> by_name = read_extract(extract);
    std::vector<test::ShingleMatch> pages, dump;
    int missing = 0;
    test::for_each_corpus_record(corpus, [&](const json& page) {
        std::string truth = test::string_field(page, "article_body");
        auto found = by_name.find(test::string_field(page, "id"));
        if (found == by_name.end()) ++missing;
        pages.push_back(test::match_shingles(truth, found == by_name.end() ? "" : or_empty(found->second["text"])));
        dump.push_back(test::match_shingles(truth, test::string_field(page, "full_page_text")));
        return true;
    });
    if (missing) std::cerr << fmt::format("score-extraction: {} pages not extracted (scored as empty)\n", missing);
    test::ShingleScores scores = test::shingle_scores(pages);
    std::cout << fmt::format("{0}_f1 {1:.4f}\n{0}_precision {2:.4f}\n{0}_recall {3:.4f}\n", name, scores.f1,
                             scores.precision, scores.recall);
    if (name == "scraped_text") std::cout << fmt::format("scraped_text_dump_f1 {:.4f}\n", test::shingle_scores(dump).f1);
    return 0;
}

// Authors compared as sets of folded names: "Jane Doe; John Roe" == ["John Roe", "Jane Doe"].
std::set<std::string> author_set(const std::string& text) {
    std::set<std::string> names;
    std::string current;
    auto flush = [&] {
        std::size_t a = current.find_first_not_of(' '), b = current.find_last_not_of(' ');
        if (a != std::string::npos) names.insert(current.substr(a, b - a + 1));
        current.clear();
    };
    for (char c : text) {
        if (c == ';' || c == ',') flush();
        else current += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    flush();
    return names;
}

// Whether a page's site is in the check part: about three sites in ten,
// chosen by a stable hash of the site's name, so that one site's template
// never sits on both sides (and the split is the same on every machine).
bool check_part(const std::string& site) { return StableHash().add(site).value() % 10 < 3; }

int score_metadata(const std::string& dates, const std::string& meta, const std::string& extract) {
    std::map<std::string, json> by_name = read_extract(extract);
    int dated = 0, date_right = 0, authored = 0, author_right = 0, titled = 0, title_right = 0;
    int part_dated[2] = {0, 0}, part_right[2] = {0, 0};  // tuning, check
    test::for_each_corpus_record(dates, [&](const json& label) {
        std::string want = test::string_field(label, "date");
        if (want.empty()) return true;
        ++dated;
        auto found = by_name.find(test::string_field(label, "page_id"));
        std::string got = found == by_name.end() ? "" : or_empty(found->second["date"]).substr(0, 10);
        date_right += got == want;
        int part = check_part(test::string_field(label, "outlet"));
        ++part_dated[part];
        part_right[part] += got == want;
        if (got != want)
            std::cerr << fmt::format("date miss ({}): {} {} want {} got {}\n", part ? "check" : "tune",
                                     test::string_field(label, "outlet"), test::string_field(label, "page_id"), want,
                                     got.empty() ? "none" : got);
        return true;
    });
    test::for_each_corpus_record(meta, [&](const json& label) {
        auto found = by_name.find(test::string_field(label, "page_id"));
        if (label.contains("author") && label["author"].is_string()) {
            ++authored;
            std::string got;
            if (found != by_name.end())
                for (const json& name : found->second["byline"]) got += (got.empty() ? "" : "; ") + name.get<std::string>();
            author_right += author_set(got) == author_set(label["author"].get<std::string>());
        }
        if (label.contains("title") && label["title"].is_string()) {
            ++titled;
            title_right += found != by_name.end() && squeezed(or_empty(found->second["title"])) == squeezed(label["title"].get<std::string>());
        }
        return true;
    });
    std::cout << fmt::format("html_date_accuracy {:.4f}\nhtml_date_pages {}\n", dated ? date_right / double(dated) : 0.0, dated);
    const char* part_name[2] = {"tune", "check"};
    for (int part = 0; part < 2; ++part)
        std::cout << fmt::format("html_date_{}_accuracy {:.4f}\nhtml_date_{}_pages {}\n", part_name[part],
                                 part_dated[part] ? part_right[part] / double(part_dated[part]) : 0.0,
                                 part_name[part], part_dated[part]);
    std::cout << fmt::format("html_author_accuracy {:.4f}\nhtml_title_accuracy {:.4f}\n",
                             authored ? author_right / double(authored) : 0.0, titled ? title_right / double(titled) : 0.0);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        std::vector<std::string> a(argv + 1, argv + argc);
        if (a.size() == 3 && a[0] == "export-text") return export_field(a[1], a[2], "full_page_text", ".txt");
        if (a.size() == 3 && a[0] == "export-html") return export_field(a[1], a[2], "html", ".html");
        if (a.size() == 5 && a[0] == "export-pages") return export_pages(a[1], a[2], a[3], a[4]);
        if (a.size() == 3 && a[0] == "seeds") return score_seeds(a[1], a[2]);
        if (a.size() == 4 && a[0] == "main-text") return score_main_text(a[1], a[2], a[3]);
        if (a.size() == 4 && a[0] == "metadata") return score_metadata(a[1], a[2], a[3]);
        std::cerr << "usage: score-extraction export-text|export-html AEB FOLDER | export-pages PAGES DATES META FOLDER |\n"
                     "       seeds EXPECTED EXTRACT | main-text AEB EXTRACT NAME | metadata DATES META EXTRACT\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "score-extraction: " << e.what() << '\n';
        return 1;
    }
}
