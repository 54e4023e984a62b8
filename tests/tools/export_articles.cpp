// SPDX-License-Identifier: GPL-2.0-or-later
// export-articles CORPUS.jsonl[.gz] FOLDER [LIMIT]: a corpus as article files
// and a manifest, for benchmarks (see tests/corpus_files.hpp).
#include <cstdlib>
#include <exception>
#include <iostream>

#include "tests/corpus_files.hpp"

int main(int argc, char** argv) {
    if (argc < 3 || argc > 4) {
        std::cerr << "usage: export-articles CORPUS.jsonl[.gz] FOLDER [LIMIT]\n";
        return 2;
    }
    try {
        std::size_t limit = argc == 4 ? std::strtoull(argv[3], nullptr, 10) : 0;
        std::cout << dateline::test::export_corpus_as_files(argv[1], argv[2], limit) << '\n';
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "export-articles: " << e.what() << '\n';
        return 1;
    }
}
