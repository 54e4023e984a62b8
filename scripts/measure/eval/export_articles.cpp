// SPDX-License-Identifier: GPL-2.0-or-later
// export-articles CORPUS.jsonl[.gz] FOLDER [LIMIT]: a corpus as article files
// and a manifest, for benchmarks (see tests/corpus_files.hpp).
#include <cstdlib>
#include <exception>
#include <iostream>

#include "scripts/measure/corpus_files.hpp"
#include "scripts/measure/tool_main.hpp"

int main(int argc, char** argv) {
    return dateline::measure::run_tool(argc, 2, 3, "export-articles CORPUS.jsonl[.gz] FOLDER [LIMIT]", [&] {
        std::size_t limit = argc == 4 ? std::strtoull(argv[3], nullptr, 10) : 0;
        std::cout << dateline::test::export_corpus_as_files(argv[1], argv[2], limit) << '\n';
        return 0;
    });
}
