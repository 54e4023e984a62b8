// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/extract/plain_text.hpp"

namespace dateline::indexer {
namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";
constexpr std::string_view blank = " \t\r\f\v";

std::string_view trim(std::string_view line) {
    std::size_t first = line.find_first_not_of(blank);
    if (first == std::string_view::npos) return {};
    return line.substr(first, line.find_last_not_of(blank) - first + 1);
}

}  // namespace

Article extract_plain_text(std::string_view text) {
    if (text.starts_with(utf8_bom)) text.remove_prefix(utf8_bom.size());
    Article article;
    while (!text.empty()) {
        std::size_t end = text.find('\n');
        std::string_view line = trim(text.substr(0, end));
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        if (line.empty()) continue;
        if (article.title.empty()) {
            article.title = line;
            continue;
        }
        if (!article.body.empty()) article.body += "\n\n";
        article.body += line;
    }
    return article;
}

}  // namespace dateline::indexer
