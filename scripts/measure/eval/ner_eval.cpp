// SPDX-License-Identifier: GPL-2.0-or-later
// ner-eval FILE: tags a CoNLL-format file (gzip or plain) with the shipped
// recogniser and scores it the CoNLL way (scripts/ner-eval.sh).
#include <exception>
#include <iostream>

#include "indexer/entities/recogniser.hpp"
#include "shared/data_dir.hpp"
#include "scripts/measure/eval/conll.hpp"
#include "scripts/measure/eval/ner_scoring.hpp"
#include "scripts/measure/tool_main.hpp"

using namespace dateline;

int main(int argc, char** argv) {
    return dateline::measure::run_tool(argc, 1, 1, "ner-eval FILE   (CoNLL-2003 format, gzip or plain)", [&] {
        auto recogniser = indexer::Recogniser::load(data_dir());
        tools::print_ner_scores(recogniser, tools::read_conll(argv[1]), std::cout);
        return 0;
    });
}
