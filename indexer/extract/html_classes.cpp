// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/extract/html_classes.hpp"

#include <string>

namespace dateline::indexer {

// Asked of every element: the lowered value goes into a buffer that is
// reused, and find's first-byte scan beats a search with a case-blind
// comparison.
bool class_or_id_has(const GumboNode* node, std::span<const std::string_view> marks) {
    thread_local std::string v;
    for (const char* name : {"class", "id"})
        if (const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name)) {
            v.assign(a->value);
            for (char& c : v) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
            for (std::string_view mark : marks)
                if (v.find(mark) != std::string::npos) return true;
        }
    return false;
}

}  // namespace dateline::indexer
