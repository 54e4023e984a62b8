// SPDX-License-Identifier: GPL-2.0-or-later
// bench-tagger CORPUS.jsonl.gz: the entity recogniser's speed on real news,
// single-threaded: every record's title and text tokenised first (untimed),
// then tagged (timed: tokens/s), then the whole of entity extraction
// (tokenising, tagging, cleaning and folding) timed again per article.
// Prints "metric value" lines (scripts/bench-entities.sh).
#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "indexer/entities/entity_finder.hpp"
#include "indexer/entities/recogniser.hpp"
#include "indexer/entities/tokens.hpp"
#include "shared/data_dir.hpp"
#include "scripts/measure/corpus_files.hpp"
#include "scripts/measure/tool_main.hpp"

using namespace dateline;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
    return dateline::measure::run_tool(argc, 1, 1, "bench-tagger CORPUS.jsonl[.gz]", [&] {
        std::vector<std::pair<std::string, std::string>> articles;
        test::for_each_corpus_record(argv[1], [&](const nlohmann::json& record) {
            articles.emplace_back(test::string_field(record, "title"), test::string_field(record, "text"));
            return true;
        });
        std::vector<indexer::TaggerDocument> documents;
        std::size_t tokens = 0, bytes = 0;
        for (const auto& [title, text] : articles) {
            std::string whole = title + "\n" + text;
            bytes += whole.size();
            indexer::TaggerDocument document;
            for (const auto& sentence : indexer::tokenise(whole)) {
                document.emplace_back();
                for (const auto& token : sentence) document.back().emplace_back(token.text);
                tokens += sentence.size();
            }
            documents.push_back(std::move(document));
        }
        auto recogniser = indexer::Recogniser::load(data_dir());
        auto start = Clock::now();
        std::size_t tagged = 0;
        for (const auto& document : documents) tagged += recogniser.tag(document).size();
        double tag_seconds = std::chrono::duration<double>(Clock::now() - start).count();

        auto finder = indexer::EntityFinder::load(data_dir());
        start = Clock::now();
        std::size_t entities = 0;
        for (const auto& [title, text] : articles) entities += finder.find(title, text).size();
        double find_seconds = std::chrono::duration<double>(Clock::now() - start).count();

        std::cout << fmt::format("articles {}\ntokens {}\nsentences {}\n", articles.size(), tokens, tagged);
        std::cout << fmt::format("tagging_seconds {:.2f}\ntagging_tokens_per_s {:.0f}\n", tag_seconds, tokens / tag_seconds);
        std::cout << fmt::format("extraction_seconds {:.2f}\nextraction_tokens_per_s {:.0f}\n", find_seconds,
                                 tokens / find_seconds);
        std::cout << fmt::format("extraction_mb_per_s {:.2f}\nentities_per_article {:.1f}\n",
                                 bytes / 1e6 / find_seconds, double(entities) / double(articles.size()));
        return 0;
    });
}
