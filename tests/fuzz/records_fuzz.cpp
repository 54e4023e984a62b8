// SPDX-License-Identifier: GPL-2.0-or-later
// Fuzz target: one input file, read as the indexer reads it (FileRecords:
// gzip, UTF-16/32, line splitting, the size limit) and each record made an
// article (extract_record: encoding repair, then the format's reader). Built
// once a format: FUZZ_FORMAT is text, jsonl, html or warc.
#include <cstddef>
#include <cstdint>

#include "indexer/extract/scrape_rules.hpp"
#include "indexer/ingest/file_records.hpp"
#include "indexer/ingest/records.hpp"
#include "shared/data_dir.hpp"
#include "shared/error.hpp"
#include "tests/fuzz/fuzz_files.hpp"

using namespace dateline;
using indexer::InputFormat;

namespace {

constexpr InputFormat format = InputFormat::FUZZ_FORMAT;

const indexer::ReadingRules& rules() {
    static const indexer::ReadingRules loaded{
        .scrape = std::make_shared<const indexer::ScrapeRules>(indexer::ScrapeRules::load(data_dir()))};
    return loaded;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string path = fuzz::write_file("input", data, size);
    indexer::FileRecords file(path, format);
    while (std::optional<indexer::RawRecord> record = file.next()) {
        if (!record->problem.empty()) continue;
        try {
            (void)indexer::extract_record(*record, file.format(), rules());
        } catch (const Error&) {
            // A clear error about this record is a right answer to bad input.
        }
    }
    return 0;
}
