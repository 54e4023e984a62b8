// SPDX-License-Identifier: GPL-2.0-or-later
// Input bytes to valid UTF-8, never dropping a character: text that is not
// UTF-8 at all is read as Windows-1252 (what most legacy news sites wrote),
// and stray invalid bytes inside UTF-8 text are read the same way, one byte
// each. Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dateline::indexer {

struct RepairedText {
    std::string text;     // valid UTF-8
    std::string warning;  // what was done, for the run's warnings
};

// nullopt when bytes are valid UTF-8 already, so the common case copies nothing.
std::optional<RepairedText> repair_utf8(std::string_view bytes);

// True when bytes are valid UTF-8 (no overlong forms, no surrogates).
bool is_valid_utf8(std::string_view bytes);

}  // namespace dateline::indexer
