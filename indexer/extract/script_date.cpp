// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/extract/script_date.hpp"

#include <cctype>
#include <string_view>

namespace dateline::indexer {

std::optional<Date> script_data_date(const std::vector<const GumboNode*>& scripts) {
    static constexpr std::string_view keys[] = {"datePublished", "published_at", "publishedAt", "publishDate",
                                                "publish_date", "dateCreated", "created_at", "createdAt"};
    for (const GumboNode* script : scripts) {
        std::optional<Date> found;
        std::size_t found_at = std::string_view::npos;
        for (unsigned i = 0; i < script->v.element.children.length; ++i) {
            const GumboNode* child = static_cast<const GumboNode*>(script->v.element.children.data[i]);
            if (child->type != GUMBO_NODE_TEXT && child->type != GUMBO_NODE_CDATA) continue;
            std::string_view text = child->v.text.text;
            for (std::string_view key : keys)
                for (std::size_t at = text.find(key); at != std::string_view::npos && at < found_at; at = text.find(key, at + 1)) {
                    std::size_t value = at + key.size();
                    // Past the closing quote, the colon and the opening quote.
                    while (value < text.size() && value < at + key.size() + 16 && !std::isdigit(static_cast<unsigned char>(text[value])) &&
                           text[value] != ',' && text[value] != '}')
                        ++value;
                    if (value + 10 > text.size()) continue;
                    if (auto date = parse_iso_date(text.substr(value, 10))) {
                        found = date, found_at = at;
                        break;
                    }
                }
        }
        if (found) return found;
    }
    return std::nullopt;
}

}  // namespace dateline::indexer
