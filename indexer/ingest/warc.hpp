// SPDX-License-Identifier: GPL-2.0-or-later
// WARC records (ISO 28500, WARC/1.0 and 1.1), the web archive format
// crawlers write: a version line, named fields, a blank line, then a block
// of Content-Length bytes and two line ends. This reads one record's header
// from the front of a buffer; file_records.cpp streams the records and
// http_response.hpp opens a response's block.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dateline::indexer {

struct WarcHeader {
    std::string type;          // WARC-Type: response, request, warcinfo, metadata, ...
    std::string target_uri;    // WARC-Target-URI
    std::string date;          // WARC-Date, as written (2024-01-05T10:00:00Z)
    std::string content_type;  // of the block: "application/http; msgtype=response"
    std::uint64_t content_length = 0;
    std::size_t size = 0;      // bytes from the version line through the blank line
};

struct WarcHeaderRead {
    std::optional<WarcHeader> header;
    bool need_more = false;  // bytes end inside the header: read more and ask again
    std::string problem;     // bytes do not start with a WARC header: why
};

// The header at the start of bytes (a header is at most 64 kB).
WarcHeaderRead read_warc_header(std::string_view bytes);

// Whether bytes start as a WARC file does ("WARC/1.").
bool looks_like_warc(std::string_view bytes);

}  // namespace dateline::indexer
