// SPDX-License-Identifier: GPL-2.0-or-later
// Fuzz target: the entity finder (tokeniser, both tagging passes, mention
// cleaning and folding) on any text: the first line as the title, the rest
// as the body. The records targets hand it only what a reader made.
#include <cstddef>
#include <cstdint>

#include "indexer/entities/entity_finder.hpp"
#include "indexer/extract/text_encoding.hpp"
#include "shared/data_dir.hpp"
#include "tests/fuzz/fuzz_files.hpp"

using namespace dateline;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const indexer::EntityFinder finder = indexer::EntityFinder::load(data_dir());
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    // The finder is given valid UTF-8, as the readers make it.
    std::optional<indexer::RepairedText> repaired = indexer::repair_utf8(bytes);
    std::string_view rest = repaired ? std::string_view(repaired->text) : bytes;
    std::string_view title = fuzz::take_field(rest);
    (void)finder.find(title, rest);
    return 0;
}
