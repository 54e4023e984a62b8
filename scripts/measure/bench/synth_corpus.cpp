// SPDX-License-Identifier: GPL-2.0-or-later
// bench-synth CORPUS.jsonl[.gz] N [SEED]: a SYNTHETIC corpus of N articles for
// scale benchmarks, written as JSON Lines to standard output. No document is
// copied: each body is a fresh draw of sentences from across the whole source
// corpus (so word frequencies follow real news text), each title is another
// article's headline, and dates, outlets (60, few large and many small) and
// bylines (2,000 names) are re-assigned. Dates run from 1985 to 2024, so the
// query set's one-month filters in 1987 select one month in 480. Every record
// carries "synthetic": true. The same arguments always give the same corpus.
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "shared/dates.hpp"
#include "scripts/measure/corpus_files.hpp"
#include "scripts/measure/tool_main.hpp"

namespace {

using namespace std::chrono;

struct Pools {
    std::vector<std::string> sentences;
    std::vector<std::string> titles;
};

// Whitespace (the corpus's line breaks and indents) folds to single spaces;
// a sentence ends at . ! or ? followed by a space and a capital or a quote.
void add_sentences(const std::string& text, std::vector<std::string>& out) {
    std::string folded;
    for (char c : text) {
        bool space = c == '\n' || c == '\r' || c == '\t' || c == ' ';
        if (!space) folded += c;
        else if (!folded.empty() && folded.back() != ' ') folded += ' ';
    }
    auto keep = [&](std::size_t from, std::size_t to) {
        if (to - from >= 20 && to - from <= 600) out.push_back(folded.substr(from, to - from));
    };
    std::size_t start = 0;
    for (std::size_t i = 0; i + 2 < folded.size(); ++i) {
        char c = folded[i], next = folded[i + 2];
        if ((c == '.' || c == '!' || c == '?') && folded[i + 1] == ' ' &&
            (std::isupper(static_cast<unsigned char>(next)) || next == '"')) {
            keep(start, i + 1);
            start = i + 2;
        }
    }
    keep(start, folded.size());
}

Pools read_pools(const std::string& corpus) {
    Pools pools;
    dateline::test::for_each_corpus_record(corpus, [&](const nlohmann::json& record) {
        add_sentences(dateline::test::string_field(record, "text"), pools.sentences);
        std::string title = dateline::test::string_field(record, "title");
        if (!title.empty()) pools.titles.push_back(title);
        return true;
    });
    if (pools.sentences.empty()) throw std::runtime_error("no sentences in " + corpus);
    if (pools.titles.empty()) pools.titles.push_back("Untitled");
    return pools;
}

std::vector<std::string> make_outlets() {
    const char* places[] = {"Harbourton", "Eastfield", "Northgate", "Riverside", "Lakemoor", "Westbrook",
                            "Hillcrest", "Stonebridge", "Marlow", "Fairhaven", "Greyport", "Ashford"};
    const char* kinds[] = {"Courier", "Ledger", "Post", "Gazette", "Herald", "Chronicle", "Observer", "Journal"};
    std::vector<std::string> outlets;
    for (const char* kind : kinds)
        for (const char* place : places)
            if (outlets.size() < 60) outlets.push_back(fmt::format("The {} {}", place, kind));
    return outlets;
}

std::vector<std::string> make_names() {
    const char* first[] = {"Ana", "Ben", "Chen", "Dara", "Elif", "Femi", "Grace", "Hugo", "Ines", "Jon",
                           "Kemal", "Lena", "Marco", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tariq",
                           "Uma", "Viktor", "Wen", "Yara", "Zoe", "Amir", "Bianca", "Carlos", "Dmitri", "Esther",
                           "Farah", "Goran", "Hana", "Ivan", "Julia", "Kofi", "Lucia", "Mehmet", "Nina", "Oskar"};
    const char* last[] = {"Abbott", "Baker", "Costa", "Demir", "Evans", "Fischer", "Garcia", "Haddad", "Ito",
                          "Jensen", "Kaur", "Larsen", "Mensah", "Novak", "Okafor", "Park", "Quint", "Rossi",
                          "Silva", "Tanaka", "Ueda", "Varga", "Weber", "Xu", "Yilmaz", "Zhang", "Moreau",
                          "Nowak", "Olsen", "Petrov", "Reyes", "Sato", "Torres", "Vogel", "Walsh", "Young",
                          "Ahmed", "Brennan", "Cohen", "Duarte", "Eriksen", "Flores", "Gupta", "Horvath",
                          "Ibrahim", "Jovanovic", "Kim", "Lopez", "Mahmoud", "Nguyen"};
    std::vector<std::string> names;
    for (const char* f : first)
        for (const char* l : last) names.push_back(fmt::format("{} {}", f, l));
    return names;  // 40 x 50 = 2,000
}

// Zipf-like weights (1/rank): a few outlets and authors write most articles.
std::discrete_distribution<std::size_t> zipf(std::size_t n) {
    std::vector<double> weights;
    for (std::size_t rank = 1; rank <= n; ++rank) weights.push_back(1.0 / static_cast<double>(rank));
    return {weights.begin(), weights.end()};
}

}  // namespace

int main(int argc, char** argv) {
    return dateline::measure::run_tool(argc, 2, 4, "bench-synth CORPUS.jsonl[.gz] N [SEED [FIRST]] > synthetic.jsonl", [&] {
        Pools pools = read_pools(argv[1]);
        std::size_t n = std::strtoull(argv[2], nullptr, 10);
        std::mt19937_64 random(argc >= 4 ? std::strtoull(argv[3], nullptr, 10) : 1987);
        // Ids from FIRST on: articles new to a corpus made with ids below it.
        std::size_t first_id = argc == 5 ? std::strtoull(argv[4], nullptr, 10) : 1;
        auto outlets = make_outlets();
        auto names = make_names();
        auto pick_outlet = zipf(outlets.size());
        auto pick_name = zipf(names.size());
        std::uniform_int_distribution<std::size_t> pick_sentence(0, pools.sentences.size() - 1);
        std::uniform_int_distribution<std::size_t> pick_title(0, pools.titles.size() - 1);
        std::binomial_distribution<int> sentence_count(24, 0.35);  // mean about 8.4
        std::uniform_int_distribution<int> author_count(0, 2);
        const sys_days first{year{1985} / January / 1}, last{year{2024} / December / 31};
        std::uniform_int_distribution<int> pick_day(0, (last - first).count());

        for (std::size_t i = 1; i <= n; ++i) {
            std::string text;
            for (int s = 1 + sentence_count(random); s > 0; --s) {
                text += pools.sentences[pick_sentence(random)];
                text += s % 4 == 1 ? "\n\n" : " ";
            }
            nlohmann::json authors = nlohmann::json::array();
            for (int a = author_count(random); a > 0; --a) authors.push_back(names[pick_name(random)]);
            nlohmann::json record = {
                {"id", fmt::format("synthetic-{}", first_id + i - 1)},
                {"synthetic", true},
                {"title", pools.titles[pick_title(random)]},
                {"outlet", outlets[pick_outlet(random)]},
                {"date", dateline::format_iso_date(dateline::Date{first + days{pick_day(random)}})},
                {"authors", authors},
                {"text", text},
            };
            std::cout << record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        }
        std::cerr << fmt::format("bench-synth: {} SYNTHETIC articles from {} sentences of {}\n", n,
                                 pools.sentences.size(), argv[1]);
        return 0;
    });
}
