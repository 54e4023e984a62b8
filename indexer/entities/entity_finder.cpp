// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/entities/entity_finder.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "indexer/entities/entity_folding.hpp"
#include "indexer/entities/mentions.hpp"
#include "shared/data_lines.hpp"
#include "shared/stable_hash.hpp"

namespace dateline::indexer {
namespace {

std::string fingerprint_of(const std::filesystem::path& data_dir) {
    StableHash hash;
    std::vector<std::filesystem::path> files{data_dir / "ner" / "model.bin.gz", data_dir / "ner" / "model-second.bin.gz",
                                            data_dir / "ner" / "clusters.tsv", data_dir / "entities" / "aliases.tsv"};
    const auto fixed = static_cast<std::ptrdiff_t>(files.size());
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(data_dir / "gazetteers", error))
        files.push_back(entry.path());
    std::sort(files.begin() + fixed, files.end());
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        hash.add(file.filename().string()).add(bytes.str());
    }
    return fmt::format("{:016x}", hash.value());
}

}  // namespace

EntityFinder::EntityFinder(Recogniser recogniser, EntityAliases aliases, std::string fingerprint)
    : recogniser_(std::move(recogniser)), aliases_(std::move(aliases)), fingerprint_(std::move(fingerprint)) {}

EntityFinder EntityFinder::load(const std::filesystem::path& data_dir) {
    EntityAliases aliases = EntityAliases::load(data_dir / "entities" / "aliases.tsv");
    aliases.set_titles(read_data_file(data_dir / "gazetteers" / "honorifics.txt", "the list of titles"));
    return EntityFinder(Recogniser::load(data_dir), std::move(aliases), fingerprint_of(data_dir));
}

namespace {

// More than nine in ten ASCII letters upper case (at least 40 letters).
bool mostly_capitals(std::string_view text) {
    std::size_t upper = 0, letters = 0;
    for (char c : text) {
        if (c >= 'A' && c <= 'Z') ++upper;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) ++letters;
    }
    return letters >= 40 && upper * 10 > letters * 9;
}

}  // namespace

std::vector<Entity> EntityFinder::find(std::string_view title, std::string_view body) const {
    // The recogniser reads capitals as the sign of a name; a text set in
    // capitals throughout (old wire copy, the TIME collection) would make
    // every word one.
    if (mostly_capitals(body)) return {};
    std::string text(title);
    text += '\n';
    text += body;
    return fold_mentions(find_mentions(recogniser_, text, title.size()), aliases_);
}

}  // namespace dateline::indexer
