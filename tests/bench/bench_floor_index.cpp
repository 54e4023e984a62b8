// SPDX-License-Identifier: GPL-2.0-or-later
// bench-floor-index xapian|fts5 CORPUS.jsonl[.gz] DB: builds a floor's index of
// a corpus (for scripts/bench.sh, which times it) and prints how many
// documents and bytes of text (title and body) it indexed.
#include <exception>
#include <iostream>

#include "tests/bench/engine.hpp"

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: bench-floor-index xapian|fts5 CORPUS.jsonl[.gz] DB\n";
        return 2;
    }
    try {
        std::string engine = argv[1];
        dateline::bench::Indexed indexed;
        if (engine == "xapian") indexed = dateline::bench::index_floor_xapian(argv[2], argv[3]);
        else if (engine == "fts5") indexed = dateline::bench::index_fts5(argv[2], argv[3]);
        else throw std::runtime_error("unknown engine " + engine + " (xapian or fts5)");
        std::cout << indexed.documents << ' ' << indexed.text_bytes << '\n';
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "bench-floor-index: " << e.what() << '\n';
        return 1;
    }
}
