// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include "indexer/extract/html_nesting.hpp"

using namespace dateline::indexer;

namespace {

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

}  // namespace

TEST_CASE("html nesting: a page within the bound is left as it is", "[extract][unit]") {
    // Tags that open nothing: void, implied ends, self-closing in SVG, and
    // tags in script text and comments.
    std::string page = "<html><body>" + repeat("<p>para<br>", 5000) + repeat("<li>item", 5000) +
                       "<svg>" + repeat("<path d='M0 0'/>", 5000) + "</svg>" +
                       "<script>var s = '" + repeat("<div>", 5000) + "';</script>" + "<!--" + repeat("<div>", 5000) +
                       "--><div><div>text</div></div></body></html>";
    CHECK_FALSE(limit_html_nesting(page, 10));
}

TEST_CASE("html nesting: tags past the bound are left out with their end tags, text kept", "[extract][unit]") {
    std::string page = "<body>" + repeat("<div>", 5) + "deep text" + repeat("</div>", 5) + "<p>after</p></body>";
    auto flat = limit_html_nesting(page, 3);
    REQUIRE(flat);
    CHECK(flat->html == "<body><div><div>deep text</div></div><p>after</p></body>");
    CHECK(flat->dropped_tags == 6);  // three <div>s past <body><div><div>, and three </div>s
    // "<div/>" opens a div in HTML, so it counts.
    auto slashed = limit_html_nesting(repeat("<div/>", 10) + "text", 4);
    REQUIRE(slashed);
    CHECK(slashed->html == repeat("<div/>", 4) + "text");
}
