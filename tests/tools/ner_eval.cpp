// SPDX-License-Identifier: GPL-2.0-or-later
// ner-eval FILE: tags a CoNLL-format file (gzip or plain) with the shipped
// recogniser and scores it the CoNLL way (scripts/ner-eval.sh).
#include <exception>
#include <iostream>

#include "indexer/entities/recogniser.hpp"
#include "shared/data_dir.hpp"
#include "tests/tools/conll.hpp"
#include "tests/tools/ner_scoring.hpp"

using namespace dateline;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: ner-eval FILE   (CoNLL-2003 format, gzip or plain)\n";
        return 2;
    }
    try {
        auto recogniser = indexer::Recogniser::load(data_dir());
        tools::print_ner_scores(recogniser, tools::read_conll(argv[1]), std::cout);
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "ner-eval: " << error.what() << '\n';
        return 1;
    }
}
