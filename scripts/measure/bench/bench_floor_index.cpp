// SPDX-License-Identifier: GPL-2.0-or-later
// bench-floor-index xapian|fts5 CORPUS.jsonl[.gz] DB: builds a floor's index of
// a corpus (for scripts/bench.sh, which times it) and prints how many
// documents and bytes of text (title and body) it indexed.
#include <exception>
#include <iostream>

#include "scripts/measure/bench/engine.hpp"
#include "scripts/measure/tool_main.hpp"

int main(int argc, char** argv) {
    return dateline::measure::run_tool(argc, 3, 3, "bench-floor-index xapian|fts5 CORPUS.jsonl[.gz] DB", [&] {
        std::string engine = argv[1];
        dateline::bench::Indexed indexed;
        if (engine == "xapian") indexed = dateline::bench::index_floor_xapian(argv[2], argv[3]);
        else if (engine == "fts5") indexed = dateline::bench::index_fts5(argv[2], argv[3]);
        else throw std::runtime_error("unknown engine " + engine + " (xapian or fts5)");
        std::cout << indexed.documents << ' ' << indexed.text_bytes << '\n';
        return 0;
    });
}
