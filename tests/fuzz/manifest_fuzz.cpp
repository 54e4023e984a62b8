// SPDX-License-Identifier: GPL-2.0-or-later
// Fuzz target: a manifest (sidecar metadata) as CSV or JSON Lines, the
// first byte choosing which; each usable row then applied to an article and
// fingerprinted, as the indexer does.
#include <cstddef>
#include <cstdint>

#include "indexer/ingest/manifest.hpp"
#include "shared/error.hpp"
#include "tests/fuzz/fuzz_files.hpp"

using namespace dateline;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    std::string path = fuzz::write_file(data[0] % 2 ? "manifest.csv" : "manifest.jsonl", data + 1, size - 1);
    try {
        indexer::Manifest manifest = indexer::read_manifest(path);
        for (const auto* rows : {&manifest.by_path, &manifest.by_url})
            for (const auto& [key, entry] : *rows) {
                Article article;
                indexer::apply_manifest_entry(entry, article);
                (void)indexer::manifest_fingerprint(entry);
            }
        (void)manifest.url_rows_fingerprint();
    } catch (const Error&) {
        // A CSV file without a path or url column: refused with a clear error.
    }
    return 0;
}
