// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/extract/html_tree.hpp"

#include <cctype>
#include <vector>

#include "shared/text.hpp"

namespace dateline::indexer {
namespace {

void append_node_text(const GumboNode* node, std::string& out) {
    for (const char* c = node->v.text.text; *c; ++c) {
        bool space = std::isspace(static_cast<unsigned char>(*c));
        if (!space) out += *c;
        else if (!out.empty() && out.back() != ' ') out += ' ';
    }
}

bool holds_text(const GumboNode* node) {
    return (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) && node->v.element.tag != GUMBO_TAG_SCRIPT &&
           node->v.element.tag != GUMBO_TAG_STYLE;
}

}  // namespace

const char* attribute(const GumboNode* node, const char* name) {
    const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
    return a ? a->value : nullptr;
}

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

void for_each_element(const GumboNode* root, const std::function<void(const GumboNode*)>& each) {
    std::vector<const GumboNode*> stack{root};
    while (!stack.empty()) {
        const GumboNode* node = stack.back();
        stack.pop_back();
        if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT && node->type != GUMBO_NODE_TEMPLATE) continue;
        if (node->type != GUMBO_NODE_DOCUMENT) each(node);
        const GumboVector& children = node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
        for (unsigned i = children.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(children.data[i]));
    }
}

void append_text(const GumboNode* root, std::string& out, std::size_t limit) {
    if (root->type == GUMBO_NODE_TEXT || root->type == GUMBO_NODE_WHITESPACE || root->type == GUMBO_NODE_CDATA) {
        append_node_text(root, out);
        return;
    }
    if (!holds_text(root)) return;
    struct Frame {
        const GumboNode* node;
        unsigned next = 0;
        bool after_element = false;
    };
    std::vector<Frame> stack{{root}};
    while (!stack.empty()) {
        Frame& frame = stack.back();
        const GumboVector& children = frame.node->v.element.children;
        if (frame.next >= children.length || out.size() > limit) {
            stack.pop_back();
            continue;
        }
        const GumboNode* child = static_cast<const GumboNode*>(children.data[frame.next++]);
        bool element = child->type == GUMBO_NODE_ELEMENT;
        // Two elements side by side are two fields ("<span>28.09.19</span><span>12:44</span>"), not one word.
        if (element && frame.after_element && !out.empty() && out.back() != ' ') out += ' ';
        frame.after_element = element;
        if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE || child->type == GUMBO_NODE_CDATA)
            append_node_text(child, out);
        else if (holds_text(child))
            stack.push_back({child});
    }
}

std::string node_text(const GumboNode* node) {
    std::string out;
    append_text(node, out);
    return std::string(trim_space(out));
}

const GumboNode* body_of(const GumboNode* document) {
    for (const GumboNode* parent = document;;) {
        const GumboVector& children = parent->type == GUMBO_NODE_DOCUMENT ? parent->v.document.children : parent->v.element.children;
        const GumboNode* next = nullptr;
        for (unsigned i = 0; i < children.length && !next; ++i) {
            const GumboNode* child = static_cast<const GumboNode*>(children.data[i]);
            if (child->type != GUMBO_NODE_ELEMENT) continue;
            if (child->v.element.tag == GUMBO_TAG_BODY) return child;
            if (child->v.element.tag == GUMBO_TAG_HTML) next = child;
        }
        if (!next) return nullptr;
        parent = next;
    }
}

}  // namespace dateline::indexer
