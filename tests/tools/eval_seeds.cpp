// SPDX-License-Identifier: GPL-2.0-or-later
// eval-seeds DB EXPECTED.json: how well the articles indexed from the seed
// folder match its labels (../shared/seeds/expected.json): the share of files
// whose title, outlet, date, byline and dateline are exactly right, the share
// of labelled furniture lines kept out of the body, and the share of labelled
// body sentences kept in it. One "metric value" line each.
#include <exception>
#include <fstream>
#include <iostream>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "shared/document_codec.hpp"
#include "shared/store.hpp"

using namespace dateline;
using json = nlohmann::json;

namespace {

std::string or_empty(const json& value) { return value.is_string() ? value.get<std::string>() : ""; }

// Whitespace runs (non-breaking spaces included) as one space, for finding a
// labelled line in a body whose paragraphs were re-flowed.
std::string squeezed(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        bool nbsp = text.compare(i, 2, "\xc2\xa0") == 0;
        bool space = nbsp || text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r';
        if (space) {
            if (!out.empty() && out.back() != ' ') out += ' ';
            if (nbsp) ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: eval-seeds DB EXPECTED.json\n";
        return 2;
    }
    try {
        std::ifstream in(argv[2]);
        if (!in) throw std::runtime_error(fmt::format("cannot read {}", argv[2]));
        json expected = json::parse(in);
        std::map<std::string, Article> by_file;
        Xapian::Database db = store::open_for_search({argv[1]});
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
            Article article = decode_article(db.get_document(*it).get_data());
            by_file[article.source.substr(article.source.rfind('/') + 1)] = article;
        }
        std::map<std::string, int> right;
        int files = 0, furniture = 0, furniture_out = 0, keeps = 0, kept = 0;
        for (const json& label : expected["articles"]) {
            ++files;
            auto found = by_file.find(label["file"].get<std::string>());
            if (found == by_file.end()) {
                std::cerr << fmt::format("eval-seeds: {} is not in the database\n", label["file"].get<std::string>());
                continue;
            }
            const Article& a = found->second;
            std::vector<std::string> byline;
            for (const json& name : label["byline"]) byline.push_back(name.get<std::string>());
            right["title"] += a.title == or_empty(label["title"]);
            right["outlet"] += a.outlet == or_empty(label["outlet"]);
            right["date"] += (a.date ? format_iso_date(*a.date) : "") == or_empty(label["date"]);
            right["byline"] += a.byline == byline;
            right["dateline"] += a.dateline == or_empty(label["dateline"]);
            std::string body = squeezed(a.body);
            for (const json& line : label["boilerplate"]) {
                ++furniture;
                furniture_out += body.find(squeezed(line.get<std::string>())) == std::string::npos;
            }
            for (const json& sentence : label["body_keeps"]) {
                ++keeps;
                kept += body.find(squeezed(sentence.get<std::string>())) != std::string::npos;
            }
        }
        int all_right = 0;
        for (const char* field : {"title", "outlet", "date", "byline", "dateline"}) {
            std::cout << fmt::format("seeds_{} {:.4f}\n", field, files ? right[field] / double(files) : 0.0);
            all_right += right[field];
        }
        std::cout << fmt::format("seeds_fields {:.4f}\n", files ? all_right / (5.0 * files) : 0.0);
        std::cout << fmt::format("seeds_furniture_removed {:.4f}\n", furniture ? furniture_out / double(furniture) : 0.0);
        std::cout << fmt::format("seeds_body_kept {:.4f}\n", keeps ? kept / double(keeps) : 0.0);
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "eval-seeds: " << e.what() << '\n';
        return 1;
    }
}
