// SPDX-License-Identifier: GPL-2.0-or-later
// ner-eval FILE: tags a labelled file with the shipped recogniser and scores
// it the CoNLL way (scripts/ner-eval.sh). FILE is in the CoNLL-2003 format
// (gzip or plain), or, named *.jsonl or *.jsonl.gz, GMB sentences as the team
// kit keeps them (tokens, ner_tags in IOB2 over GMB's types): per, org and
// geo scored as PER, ORG and LOC, the other types (gpe, tim, art, eve, nat)
// as no name; GMB keeps no story boundaries, so every 25 sentences in a row
// are tagged as one document.
#include <exception>
#include <iostream>

#include "indexer/entities/recogniser.hpp"
#include "shared/data_dir.hpp"
#include "scripts/measure/corpus_files.hpp"
#include "scripts/measure/eval/conll.hpp"
#include "scripts/measure/eval/ner_scoring.hpp"
#include "scripts/measure/tool_main.hpp"

using namespace dateline;

namespace {

std::string conll_tag(const std::string& gmb, const std::string& previous) {
    static const std::pair<const char*, const char*> types[] = {{"per", "PER"}, {"org", "ORG"}, {"geo", "LOC"}};
    for (auto [from, to] : types)
        if (gmb.size() > 2 && gmb.substr(2) == from) {
            bool continues = gmb[0] == 'I' && previous.size() > 2 && previous.substr(2) == to;
            return (continues ? "I-" : "B-") + std::string(to);
        }
    return "O";
}

std::vector<tools::ConllDocument> read_gmb(const std::string& path) {
    std::vector<tools::ConllDocument> documents;
    test::for_each_corpus_record(path, [&](const nlohmann::json& record) {
        const auto& tokens = record.at("tokens");
        const auto& tags = record.at("ner_tags");
        if (tokens.size() != tags.size()) throw std::runtime_error(path + ": " + record.value("id", "?") + ": tokens and tags differ in number");
        if (documents.empty() || documents.back().words.size() == 25) documents.emplace_back();
        std::vector<std::string> words, conll;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            words.push_back(tokens[i].get<std::string>());
            conll.push_back(conll_tag(tags[i].get<std::string>(), conll.empty() ? "O" : conll.back()));
        }
        documents.back().words.push_back(std::move(words));
        documents.back().tags.push_back(std::move(conll));
        return true;
    });
    return documents;
}

}  // namespace

int main(int argc, char** argv) {
    return dateline::measure::run_tool(argc, 1, 1, "ner-eval FILE   (CoNLL-2003 format, gzip or plain; or GMB *.jsonl[.gz])", [&] {
        auto recogniser = indexer::Recogniser::load(data_dir());
        std::string file = argv[1];
        bool gmb = file.ends_with(".jsonl") || file.ends_with(".jsonl.gz");
        tools::print_ner_scores(recogniser, gmb ? read_gmb(file) : tools::read_conll(file), std::cout);
        return 0;
    });
}
