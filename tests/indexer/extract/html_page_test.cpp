// SPDX-License-Identifier: GPL-2.0-or-later
// The HTML reader on pages written for these tests (the real pages are
// scored by scripts/score-extraction.sh): metadata from each source it
// reads, in its order of preference, and the story without the page around it.
#include <catch2/catch.hpp>

#include <pthread.h>

#include "indexer/extract/html_metadata.hpp"
#include "indexer/extract/html_page.hpp"
#include "indexer/extract/url_date.hpp"
#include "tests/support.hpp"

using namespace dateline;
using namespace dateline::indexer;

namespace {

const indexer::ScrapeRules& rules() { return test::scrape_rules(); }

const std::string paragraph_one =
    "The harbour authority said on Friday that the night-shift dispute at the container terminal had been settled, "
    "and that the ships which had waited in the bay for a week would be unloaded over the weekend.";
const std::string paragraph_two =
    "Union leaders said the agreement gave their members most of what they had asked for, although the question of "
    "weekend rates would be settled by an arbiter before the end of the year.";

std::string page(const std::string& head, const std::string& story) {
    return "<!DOCTYPE html><html><head>" + head + "</head><body>"
           "<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li><li><a href='/sport'>Sport</a>"
           "</li></ul></nav><div class='page'><article><h1>Harbour dispute settled</h1>" + story +
           "</article><aside><p>Most read: a very long list of other stories that the site would like you to read, "
           "with more words than a menu would ever need to have in it.</p></aside></div>"
           "<footer><p>Copyright the publisher. All rights reserved. Terms of use and the privacy policy of the site "
           "apply to every page and every reader of it, wherever they are.</p></footer>"
           "<script>var tracking = 'the harbour authority said';</script></body></html>";
}

}  // namespace

TEST_CASE("html: JSON-LD metadata comes first, and the story comes without the page around it", "[extract][html]") {
    std::string json_ld = R"(<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Not this"},
        {"@type": "NewsArticle", "headline": "Harbour dispute settled", "datePublished": "2024-03-05T09:30:00+00:00",
         "author": [{"@type": "Person", "name": "Mara Quint"}, {"@type": "Person", "name": "Tomasz Bell"}],
         "publisher": {"@type": "Organization", "name": "washingtonpost.com"}}]}</script>)";
    std::string head = json_ld + R"(<title>Something else - Site</title>
        <meta property="og:title" content="Not the headline either">
        <meta property="article:published_time" content="2020-01-01">
        <meta name="author" content="Somebody Else">
        <link rel="canonical" href="https://example.com/2024/03/05/harbour">)";
    CleanedArticle cleaned = read_html_page(
        page(head, "<p>HARBOURTON (Reuters) - " + paragraph_one + "</p><p>" + paragraph_two + "</p>"), "", rules());
    const Article& a = cleaned.article;
    CHECK(a.title == "Harbour dispute settled");
    CHECK(a.outlet == "The Washington Post");  // through the outlet table
    REQUIRE(a.date);
    CHECK(format_iso_date(*a.date) == "2024-03-05");
    CHECK(a.byline == std::vector<std::string>{"Mara Quint", "Tomasz Bell"});
    CHECK(a.url == "https://example.com/2024/03/05/harbour");
    CHECK(a.dateline == "Harbourton");
    CHECK(cleaned.credits == std::vector<std::string>{"Reuters"});
    CHECK(a.body == "HARBOURTON (Reuters) - " + paragraph_one + "\n\n" + paragraph_two);
    for (const char* furniture : {"Home", "Most read", "All rights reserved", "tracking"})
        CHECK(a.body.find(furniture) == std::string::npos);
}

TEST_CASE("html: without JSON-LD, Open Graph, meta tags and <time> are read", "[extract][html]") {
    std::string head = R"(<title>Harbour dispute settled | The Courier</title>
        <meta property="og:site_name" content="The Harbour Courier">
        <meta name="author" content="By Mara Quint and Tomasz Bell">
        <meta property="og:url" content="https://harbourcourier.example/harbour">)";
    CleanedArticle cleaned = read_html_page(
        page(head, "<p><time datetime='2024-03-06T08:00'>6 March</time></p><p>" + paragraph_one + "</p><p>" +
                       paragraph_two + "</p>"),
        "", rules());
    const Article& a = cleaned.article;
    CHECK(a.title == "Harbour dispute settled");
    CHECK(a.outlet == "The Harbour Courier");
    CHECK(a.byline == std::vector<std::string>{"Mara Quint", "Tomasz Bell"});
    CHECK(a.url == "https://harbourcourier.example/harbour");
    REQUIRE(a.date);
    CHECK(format_iso_date(*a.date) == "2024-03-06");
}

TEST_CASE("html: a date in the URL, the page's own or the manifest's, dates a page whose metadata does not", "[extract][html]") {
    CHECK(format_iso_date(*date_in_url("https://example.com/news/2019/11/19/story.html")) == "2019-11-19");
    CHECK(format_iso_date(*date_in_url("https://example.com/2019-11-19-story")) == "2019-11-19");
    CHECK_FALSE(date_in_url("https://example.com/id/2019111912345"));
    CHECK(format_iso_date(*date_in_url("https://www.thelocal.example/20200428/tattooist")) == "2020-04-28");
    CHECK(format_iso_date(*date_in_url("https://archive.example/20200428")) == "2020-04-28");
    CHECK(format_iso_date(*date_in_url("https://news.example/world/megablaze-under-control-20200113")) == "2020-01-13");
    CHECK_FALSE(date_in_url("https://shop.example/item-22020203"));  // an ID, not the year 2202
    CHECK_FALSE(date_in_url("https://example.com/20201345/"));
    CHECK_FALSE(date_in_url("https://example.com/2019/13/45/"));
    CleanedArticle cleaned =
        read_html_page(page("<title>Harbour</title>", "<p>" + paragraph_one + "</p>"), "https://x.example/2024/02/01/a", rules());
    REQUIRE(cleaned.article.date);
    CHECK(format_iso_date(*cleaned.article.date) == "2024-02-01");
    CHECK(cleaned.article.url == "https://x.example/2024/02/01/a");
}

TEST_CASE("html: a published date one day off the URL's date gives way to it (time zones); further off, it stands", "[extract][html]") {
    auto date_of = [](const std::string& published, const std::string& url) {
        CleanedArticle cleaned = read_html_page(
            page("<meta property='article:published_time' content='" + published + "'><link rel='canonical' href='" + url + "'>",
                 "<p>" + paragraph_one + "</p>"),
            "", rules());
        return cleaned.article.date ? format_iso_date(*cleaned.article.date) : std::string("none");
    };
    // 22:28 in New York on the 8th is 03:28 UTC on the 9th.
    CHECK(date_of("2023-11-09T03:28:35+00:00", "https://news.example/2023/11/08/haley-debate/") == "2023-11-08");
    CHECK(date_of("2019-12-31T23:30:00Z", "https://blog.example/2020/01/01/new-year/") == "2020-01-01");
    CHECK(date_of("2023-11-09T03:28:35+00:00", "https://news.example/2023/11/02/older-story/") == "2023-11-09");
    CHECK(date_of("2023-11-09T03:28:35+00:00", "https://news.example/story/123") == "2023-11-09");
    // 10:04 UTC is the 9th from Hawaii to Kiribati: the URL's 8th is the day the story was begun.
    CHECK(date_of("2020-07-09T10:04:04Z", "https://news.example/politics/2020/07/08/returning/") == "2020-07-09");
    // A local timestamp is the publisher's own day already.
    CHECK(date_of("2020-06-29T00:16:15+03:00", "https://news.example/2020/06/28/moscow/") == "2020-06-29");
}

TEST_CASE("html: a UTC timestamp is moved to the publisher's day when the page's other timestamps give its offset", "[extract][html]") {
    auto date_of = [](const std::string& head, const std::string& story) {
        CleanedArticle cleaned = read_html_page(page(head, story + "<p>" + paragraph_one + "</p>"), "", rules());
        return cleaned.article.date ? format_iso_date(*cleaned.article.date) : std::string("none");
    };
    std::string published = "<meta property='article:published_time' content='2023-11-09T06:35:29+00:00'>";
    // 22:35 the evening before in Los Angeles, which the page's <time> elements are written in.
    CHECK(date_of(published, "<p><time datetime='2023-11-08T22:35:29-08:00'>Nov. 8</time></p>") == "2023-11-08");
    // A JSON-LD video's uploadDate, or a meta date written as e-mail writes it, gives it too.
    CHECK(date_of(published + R"(<script type="application/ld+json">{"@type": "VideoObject", "uploadDate": "2023-11-08T23:10:44-08:00"}</script>)",
                  "") == "2023-11-08");
    CHECK(date_of("<meta name='date' content='Sat, 19 Oct 2019 00:04:00 +0200'>"
                  R"(<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2019-10-18T22:04:00Z"}</script>)",
                  "") == "2019-10-19");
    // Nothing on the page says where it was written: UTC stands.
    CHECK(date_of(published, "") == "2023-11-09");
}

TEST_CASE("html: a page not in US English writes its numeric dates day first; its meta tags are US style all the same", "[extract][html]") {
    auto date_of = [](const std::string& lang, const std::string& head, const std::string& story) {
        std::string html = page(head, story + "<p>" + paragraph_one + "</p>");
        html.replace(html.find("<html>"), 6, "<html lang='" + lang + "'>");
        CleanedArticle cleaned = read_html_page(html, "", rules());
        return cleaned.article.date ? format_iso_date(*cleaned.article.date) : std::string("none");
    };
    std::string shown = "<div class='byline'>The Courier 02/10/2020 Mara Quint</div>";
    CHECK(date_of("en-GB", "", shown) == "2020-10-02");
    CHECK(date_of("de", "", "<p><time datetime='01-11-2023 10:29'>1. November 2023</time></p>") == "2023-11-01");
    CHECK(date_of("en-US", "", shown) == "2020-02-10");
    CHECK(date_of("en", "", shown) == "2020-02-10");  // either: month first, as before
    CHECK(date_of("de", "<meta name='date' content='11/01/2023 12:43:42'>", "") == "2023-11-01");
}

TEST_CASE("html: JSON-LD as sites really write it", "[extract][html]") {
    auto date_of = [](const std::string& json_ld) {
        CleanedArticle cleaned = read_html_page(
            page("<script type='application/ld+json'>" + json_ld + "</script>", "<p>" + paragraph_one + "</p>"), "", rules());
        return cleaned.article.date ? format_iso_date(*cleaned.article.date) : std::string("none");
    };
    // The article's fields put inside its mainEntityOfPage.
    CHECK(date_of(R"({"@type": "NewsArticle", "mainEntityOfPage": {"@type": "WebPage", "headline": "Harbour",
                     "datePublished": "2020-10-26T18:10:00+01:00"}})") == "2020-10-26");
    // A stray brace after a complete object.
    CHECK(date_of(R"({"@type": "NewsArticle", "datePublished": "2020-10-26T18:10:00+01:00"} })") == "2020-10-26");
    CHECK(date_of(R"({"@type": "NewsArticle", "datePublished": "2020-10-26T18:)") == "none");  // cut short: nothing
}

TEST_CASE("html: without date metadata, the date is read where the page prints it", "[extract][html]") {
    auto date_of = [](const std::string& head, const std::string& story, const std::string& url = "") {
        CleanedArticle cleaned = read_html_page(page(head, story), url, rules());
        return cleaned.article.date ? format_iso_date(*cleaned.article.date) : std::string("none");
    };
    std::string story = "<p>" + paragraph_one + "</p><p>" + paragraph_two + "</p>";
    // A WebPage (Yoast's graph) rather than an article still dates the page.
    CHECK(date_of(R"(<script type="application/ld+json">{"@graph": [{"@type": "WebPage", "datePublished": "2018-02-28T15:07:03+00:00"}]}</script>)",
                  story) == "2018-02-28");
    // A URL dated with eight digits.
    CHECK(date_of("", story, "https://www.thelocal.example/20200428/meet-the-tattooist") == "2020-04-28");
    // An element whose class names the date; in a comment thread, a reader's date does not count.
    CHECK(date_of("", "<ol class='comment-list'><li><div class='comment-meta'>3 May 2024</div><p>Nice.</p></li></ol>"
                      "<div class='entry-meta'>By Mara Quint | 2. Mai 2024</div>" + story) == "2024-05-02");
    // <abbr class="published" title="..."> holds the date its text only abbreviates.
    CHECK(date_of("", "<abbr class='published' title='2019-06-27T10:21:40Z'>jeudi 27 juin</abbr>" + story) == "2019-06-27");
    // A date labelled as published, not the one labelled as changed before it.
    CHECK(date_of("", story + "<p>Zuletzt ge\xc3\xa4ndert am: 15.10.2021</p><p>Erschienen am: 13.10.2021</p>") == "2021-10-13");
    // In a <header> the story reader leaves out: the last resort still finds it.
    CHECK(date_of("", "<header><span>Mara Quint, 2/10/2024</span></header>" + story) == "2024-02-10");
    // Fields side by side in their own elements are not run together ("28.09.1912:44").
    CHECK(date_of("", "<div class='byline'><span>Mara Quint</span><span>28.09.19</span><span>12:44</span></div>" + story) ==
          "2019-09-28");
    // Dublin Core as some write it, and scholarly citation tags.
    CHECK(date_of("<meta name='DC:date' content='2009-09-15'>", story) == "2009-09-15");
    CHECK(date_of("<meta name='citation_publication_date' content='2009/09/15'>", story) == "2009-09-15");
    // A single-page app's data, HTML-escaped or not, when the page itself shows no date.
    CHECK(date_of("", "<script>window.state = {\"photo\": {\"created_at\":\"2013-02-16T04:36:36-05:00\"}};</script>" + story) ==
          "2013-02-16");
    CHECK(date_of("", "<script>var p = {&quot;published_at&quot;:&quot;2019-03-02T06:22:28&quot;};</script>" + story) == "2019-03-02");
    CHECK(date_of("", story) == "none");
}

TEST_CASE("html: elements whose class names them as comments, captions or sidebars are not the story", "[extract][html]") {
    std::string reader = "I read your report on the harbour with great interest, and I wonder whether the settlement will "
                         "hold once the arbiter has ruled on weekend rates, since the last agreement of this kind did not.";
    std::string reply = "Thank you for the question. We think it will hold, because both sides have agreed in writing to "
                        "accept the ruling, and the union has said that its members voted for the agreement by a wide margin.";
    std::string comments = "<section id='comments'><h3>3 comments</h3>";
    for (int i = 0; i < 3; ++i) comments += "<div class='comment-body'><p>" + reader + "</p><p>" + reply + "</p></div>";
    comments += "</section>";
    std::string caption = "<div class='image-caption'>Ships waiting in the bay on Thursday, when the dispute had kept them "
                          "there for a week and the crews had been told that they would be paid for the delay.</div>";
    std::string story = "<p>" + paragraph_one + "</p>" + caption + "<p>" + paragraph_two + "</p>";
    CleanedArticle cleaned = read_html_page(page("<title>Harbour</title>", story + comments), "", rules());
    CHECK(cleaned.article.body == paragraph_one + "\n\n" + paragraph_two);
    // A wrapper named for the page's sidebar holds the story: without the
    // class names there would be nothing, so the page is read again without them.
    cleaned = read_html_page(page("<title>Harbour</title>", "<div class='container has-sidebar'><p>" + paragraph_one + "</p><p>" +
                                                               paragraph_two + "</p></div>"),
                             "", rules());
    CHECK(cleaned.article.body == paragraph_one + "\n\n" + paragraph_two);
}

TEST_CASE("html: inside the story's element, a short sentence between teaser links is kept", "[extract][html]") {
    std::string quote = "\"Open the gates!\" a docker shouted.";
    std::string last = "When the gates were opened at dawn the first of the waiting ships was brought alongside, and by the "
                       "evening the cranes had cleared more containers than on any day since the dispute began in the autumn.";
    std::string story = "<p>" + paragraph_one + "</p><h3><a href='/sport/regatta'>Regatta postponed by the storm</a></h3><p>" +
                        quote + "</p><h3><a href='/weather'>Gales expected on the coast</a></h3><p>" + last + "</p>";
    CleanedArticle cleaned = read_html_page(page("<title>Harbour</title>", story), "", rules());
    CHECK(cleaned.article.body == paragraph_one + "\n\n" + quote + "\n\n" + last);
}

TEST_CASE("html: a page whose short words happen to be English ones is still read by length", "[extract][html]") {
    // Norwegian: "i", "for", "at" and "over" make up a tenth of the words,
    // too many for the page to pass as foreign, too few for prose.
    std::string one = "Siden oppstarten har fotballskolen v\xc3\xa6rt et tilbud for barn over hele landet, og i \xc3\xa5r deltok "
                      "rundt 50 000 barn i mer enn 400 klubber. Arrang\xc3\xb8ren sier sesongen ble annerledes, men klubbene "
                      "fant gode l\xc3\xb8sninger og gjennomf\xc3\xb8rte aktivitetene trygt gjennom pandemien.";
    std::string two = "Mange foreldre forteller at skolen var den eneste organiserte aktiviteten barna hadde i sommer. "
                      "Forbundet \xc3\xb8nsker derfor \xc3\xa5 styrke tilbudet neste \xc3\xa5r, med flere trenere, nye baner og "
                      "lavere pris for familiene, slik at ingen barn m\xc3\xa5 st\xc3\xa5 utenfor fellesskapet.";
    CleanedArticle cleaned = read_html_page(page("<title>Fotballskolen</title>", "<p>" + one + "</p><p>" + two + "</p>"), "", rules());
    CHECK(cleaned.article.body == one + "\n\n" + two);
}

TEST_CASE("html: elements nested far deeper than any stack would take by recursion are read", "[extract][html]") {
    // 20,000 levels on a 1 MB stack: gumbo itself manages that, and the
    // readers must too (by recursion they needed about 100 bytes a level).
    struct Run {
        std::string html, body;
    } run;
    run.html = "<html><head><script type='application/ld+json'>" + std::string(20'000, '[') + std::string(20'000, ']') +
               "</script></head><body>";
    for (int i = 0; i < 20'000; ++i) run.html += "<div>";
    run.html += "<p>" + paragraph_one + "</p></body></html>";
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setstacksize(&attributes, 1 << 20);
    pthread_t thread;
    REQUIRE(pthread_create(&thread, &attributes, [](void* arg) -> void* {
        Run& r = *static_cast<Run*>(arg);
        r.body = read_html_page(r.html, "", rules()).article.body;
        return nullptr;
    }, &run) == 0);
    pthread_join(thread, nullptr);
    pthread_attr_destroy(&attributes);
    CHECK(run.body == paragraph_one);
}

TEST_CASE("html: documents are told from text by their start", "[extract][html]") {
    CHECK(looks_like_html("\n  <!DOCTYPE html><html>"));
    CHECK(looks_like_html("<HTML lang=en>"));
    CHECK(looks_like_html("<!-- saved page --><html>"));
    CHECK_FALSE(looks_like_html("Harbour dispute settled\n\nThe <b>harbour</b> authority said"));
}
