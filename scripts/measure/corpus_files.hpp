// SPDX-License-Identifier: GPL-2.0-or-later
// Real corpora as archives of files: each record of a JSON Lines corpus (gzip
// or plain; the shape of ../shared/corpora) written as one plain-text article
// file, with a manifest of its outlet and date. For tests and benchmarks that
// need many real articles before the indexer reads JSON Lines itself.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

namespace dateline::test {

// record[key] if it is a string, else "".
std::string string_field(const nlohmann::json& record, const char* key);

// Calls each with every JSON object of a JSON Lines corpus (gzip or plain), in
// order, until each returns false; lines that are not objects are passed over.
// Throws std::runtime_error if the corpus cannot be read.
void for_each_corpus_record(const std::filesystem::path& corpus,
                            const std::function<bool(const nlohmann::json&)>& each);

// Writes up to limit records (0: all) of corpus into folder as
// NNNNNN.txt ("title\n\ntext") plus manifest.jsonl; returns how many.
// Throws std::runtime_error if the corpus cannot be read.
std::size_t export_corpus_as_files(const std::filesystem::path& corpus, const std::filesystem::path& folder,
                                   std::size_t limit);

}  // namespace dateline::test
