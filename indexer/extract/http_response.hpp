// SPDX-License-Identifier: GPL-2.0-or-later
// An HTTP response as a web archive keeps it (a WARC response record's
// block): the status line, the headers, then the body as sent, which may be
// chunked (Transfer-Encoding) and compressed (Content-Encoding gzip or
// deflate). Read into the page's bytes, decompressed no further than a limit.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dateline::indexer {

struct HttpResponse {
    int status = 0;            // 200, 404, ...; 0 when the block is not an HTTP response
    std::string content_type;  // lower case, parameters dropped: "text/html"
    std::string body;          // dechunked and decompressed
    std::string problem;       // why the body could not be read, or ""
};

// limit: the most body bytes to give (more is a problem: a page over it is
// no article).
HttpResponse read_http_response(std::string_view block, std::size_t limit);

// Whether a Content-Type is a web page: text/html or application/xhtml+xml.
bool is_html_type(std::string_view content_type);

}  // namespace dateline::indexer
