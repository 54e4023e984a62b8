// SPDX-License-Identifier: GPL-2.0-or-later
// The recogniser's tokeniser: raw article text into sentences of tokens, split
// the way the CoNLL-2003 training text is split (punctuation and possessive
// 's apart, "U.S." and "Brig." whole, hyphenated words whole), each token
// keeping its byte span in the text so mentions can be quoted exactly.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dateline::indexer {

struct Token {
    std::string_view text;   // into the tokenised text
    std::size_t begin = 0;   // byte offsets in the tokenised text
    std::size_t end = 0;
};

using Sentence = std::vector<Token>;

// Lines are paragraphs: a sentence never crosses a line break. Within a line,
// a sentence ends at ".", "!" or "?" followed by a capital, a quote or the
// end of the line, unless the word before is an abbreviation.
std::vector<Sentence> tokenise(std::string_view text);

}  // namespace dateline::indexer
