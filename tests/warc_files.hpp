// SPDX-License-Identifier: GPL-2.0-or-later
// Writing web archives for tests, as crawlers write them: WARC records,
// HTTP responses (chunked, gzip), gzip members.
#pragma once

#include <string>
#include <string_view>

namespace dateline::test {

// data as one gzip member (or raw deflate).
std::string gzip(std::string_view data, bool raw_deflate = false);

// One WARC/1.1 record of type, for uri, captured 2024-03-05T08:30:00Z.
std::string warc_record(std::string_view type, std::string_view uri, std::string_view block,
                        std::string_view content_type = "application/http; msgtype=response");

// An HTTP response: status line, headers (each ending "\r\n"), body.
std::string http_response(std::string_view headers, std::string_view body, int status = 200);

// body in Transfer-Encoding: chunked, 100 bytes a chunk.
std::string chunked(std::string_view body);

}  // namespace dateline::test
