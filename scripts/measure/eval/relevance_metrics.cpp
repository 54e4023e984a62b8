// SPDX-License-Identifier: GPL-2.0-or-later
// relevance-metrics DOCS QRELS QUERIES [--per-query] < BATCH_OUTPUT: scores a run of
// `dateline-search --batch` (one JSON line per query, in the order of the
// query file) against TREC qrels ("qid 0 docid relevance"). Each hit is mapped
// back to its document's "id" through its source ("DOCS#line"). QIDS, the
// query ids in batch order, come from the first column of the query file
// given as the third argument. Prints "ndcg@10 X", "map X", "p@10 X"
// (binary relevance; MAP over the whole returned ranking, up to its limit);
// with --per-query, one line a query instead: "QID NDCG@10 AP P@10".
#include <cmath>
#include <exception>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "scripts/measure/corpus_files.hpp"
#include "scripts/measure/tool_main.hpp"

namespace {

struct Scores {
    double ndcg10 = 0, average_precision = 0, precision10 = 0;
};

Scores score(const std::vector<std::string>& ranking, const std::set<std::string>& relevant) {
    Scores s;
    double dcg = 0, ideal = 0, hits = 0, precision_sum = 0;
    for (std::size_t i = 0; i < ranking.size(); ++i) {
        if (!relevant.contains(ranking[i])) continue;
        hits += 1;
        precision_sum += hits / static_cast<double>(i + 1);
        if (i < 10) {
            dcg += 1.0 / std::log2(static_cast<double>(i) + 2.0);
            s.precision10 += 0.1;
        }
    }
    for (std::size_t i = 0; i < std::min<std::size_t>(10, relevant.size()); ++i)
        ideal += 1.0 / std::log2(static_cast<double>(i) + 2.0);
    s.ndcg10 = ideal > 0 ? dcg / ideal : 0;
    s.average_precision = relevant.empty() ? 0 : precision_sum / static_cast<double>(relevant.size());
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    return dateline::measure::run_tool(argc, 3, 4, "relevance-metrics DOCS.jsonl[.gz] QRELS QUERIES.tsv [--per-query] < batch-output.jsonl", [&] {
        bool per_query = argc == 5;
        if (per_query && std::string(argv[4]) != "--per-query")
            throw std::runtime_error(fmt::format("unknown option {} (--per-query)", argv[4]));
        // Line number in DOCS -> the document's id, as the qrels name it.
        std::vector<std::string> id_of_line{""};
        dateline::test::for_each_corpus_record(argv[1], [&](const nlohmann::json& record) {
            auto id = record.find("id");
            id_of_line.push_back(id == record.end() ? "" : id->is_string() ? id->get<std::string>() : id->dump());
            return true;
        });
        std::map<std::string, std::set<std::string>> relevant;
        std::ifstream qrels(argv[2]);
        if (!qrels) throw std::runtime_error(fmt::format("cannot read {}", argv[2]));
        for (std::string qid, zero, doc, level; qrels >> qid >> zero >> doc >> level;)
            if (std::stoi(level) > 0) relevant[qid].insert(doc);
        std::vector<std::string> qids;
        std::ifstream queries(argv[3]);
        for (std::string line; std::getline(queries, line);)
            if (!line.empty()) qids.push_back(line.substr(0, line.find('\t')));

        Scores total;
        std::size_t scored = 0;
        std::string line;
        for (std::size_t i = 0; std::getline(std::cin, line); ++i) {
            if (i >= qids.size()) throw std::runtime_error("more answers than queries");
            auto answer = nlohmann::json::parse(line);
            if (answer.contains("error"))
                throw std::runtime_error(fmt::format("query {} failed: {}", qids[i], answer["error"].dump()));
            std::vector<std::string> ranking;
            for (const auto& hit : answer["hits"]) {
                std::string source = hit["source"].get<std::string>();
                std::size_t number = std::stoul(source.substr(source.rfind('#') + 1));
                ranking.push_back(number < id_of_line.size() ? id_of_line[number] : "");
            }
            Scores s = score(ranking, relevant[qids[i]]);
            if (per_query)
                std::cout << fmt::format("{} {:.6f} {:.6f} {:.6f}\n", qids[i], s.ndcg10, s.average_precision, s.precision10);
            total.ndcg10 += s.ndcg10;
            total.average_precision += s.average_precision;
            total.precision10 += s.precision10;
            ++scored;
        }
        if (scored != qids.size()) throw std::runtime_error(fmt::format("{} answers for {} queries", scored, qids.size()));
        if (per_query) return 0;
        auto n = static_cast<double>(scored);
        std::cout << fmt::format("ndcg@10 {:.4f}\nmap {:.4f}\np@10 {:.4f}\n", total.ndcg10 / n,
                                 total.average_precision / n, total.precision10 / n);
        return 0;
    });
}
