// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/extract/http_response.hpp"

#include <charconv>

#include <fmt/format.h>
#include <zlib.h>

#include "shared/text.hpp"

namespace dateline::indexer {
namespace {


// Transfer-Encoding: chunked, undone: each chunk's size in hex on a line,
// the chunk, a line end; a size of 0 ends the body.
bool dechunk(std::string_view chunked, std::string& body, std::size_t limit, std::string& problem) {
    std::size_t at = 0;
    for (;;) {
        std::size_t end = chunked.find('\n', at);
        if (end == std::string_view::npos) {
            problem = "a chunked body cut short";
            return false;
        }
        std::string_view line = trim_space(chunked.substr(at, end - at));
        line = line.substr(0, line.find(';'));  // chunk extensions
        std::size_t size = 0;
        auto [stop, error] = std::from_chars(line.data(), line.data() + line.size(), size, 16);
        if (error != std::errc() || stop != line.data() + line.size()) {
            problem = "a chunked body with a chunk size that is not a number";
            return false;
        }
        at = end + 1;
        if (size == 0) return true;
        if (size > chunked.size() - at) {
            problem = "a chunked body cut short";
            return false;
        }
        if (body.size() + size > limit) {
            problem = fmt::format("a page of more than {} MB", limit / 1'000'000);
            return false;
        }
        body.append(chunked.substr(at, size));
        at += size;
        if (at < chunked.size() && chunked[at] == '\r') ++at;
        if (at < chunked.size() && chunked[at] == '\n') ++at;
    }
}

// gzip or zlib-wrapped deflate (told by the header), or raw deflate.
bool inflate_body(std::string& body, bool raw, std::size_t limit, std::string& problem) {
    z_stream s{};
    if (inflateInit2(&s, raw ? -MAX_WBITS : MAX_WBITS + 32) != Z_OK) {
        problem = "cannot start decompressing the page";
        return false;
    }
    std::string out;
    s.next_in = reinterpret_cast<Bytef*>(body.data());
    s.avail_in = static_cast<uInt>(body.size());
    int status = Z_OK;
    char buffer[1 << 16];
    while (status == Z_OK) {
        s.next_out = reinterpret_cast<Bytef*>(buffer);
        s.avail_out = sizeof buffer;
        status = inflate(&s, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - s.avail_out);
        if (out.size() > limit) {
            inflateEnd(&s);
            problem = fmt::format("a page of more than {} MB once decompressed", limit / 1'000'000);
            return false;
        }
        if (status == Z_BUF_ERROR && s.avail_in == 0) break;  // the input ends early
    }
    inflateEnd(&s);
    if (status != Z_STREAM_END) {
        problem = fmt::format("the page's compressed body is damaged or cut short ({})", s.msg ? s.msg : zError(status));
        return false;
    }
    body = std::move(out);
    return true;
}

}  // namespace

bool is_html_type(std::string_view content_type) {
    return content_type == "text/html" || content_type == "application/xhtml+xml";
}

HttpResponse read_http_response(std::string_view block, std::size_t limit) {
    HttpResponse response;
    std::size_t end = block.find('\n');
    std::string_view status_line = trim_space(block.substr(0, end));
    if (!status_line.starts_with("HTTP/") || status_line.find(' ') == std::string_view::npos) {
        response.problem = "not an HTTP response";
        return response;
    }
    std::string_view code = status_line.substr(status_line.find(' ') + 1, 3);
    std::from_chars(code.data(), code.data() + code.size(), response.status);
    bool chunked = false;
    std::string encoding;
    std::size_t at = end == std::string_view::npos ? block.size() : end + 1;
    for (;;) {
        end = block.find('\n', at);
        if (end == std::string_view::npos) {
            response.problem = "the HTTP headers are cut short";
            return response;
        }
        std::string_view line = trim_space(block.substr(at, end - at));
        at = end + 1;
        if (line.empty()) break;
        std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        std::string name = ascii_lower(trim_space(line.substr(0, colon)));
        std::string value = ascii_lower(trim_space(line.substr(colon + 1)));
        if (name == "content-type") response.content_type = std::string(trim_space(value.substr(0, value.find(';'))));
        else if (name == "transfer-encoding") chunked = value.find("chunked") != std::string::npos;
        else if (name == "content-encoding") encoding = value;
    }
    std::string_view body = block.substr(at);
    if (chunked) {
        if (!dechunk(body, response.body, limit, response.problem)) return response;
    } else if (body.size() > limit) {
        response.problem = fmt::format("a page of more than {} MB", limit / 1'000'000);
        return response;
    } else {
        response.body = std::string(body);
    }
    if (encoding == "gzip" || encoding == "x-gzip" || encoding == "deflate") {
        bool raw = encoding == "deflate" && !(response.body.size() >= 2 && (static_cast<unsigned char>(response.body[0]) & 0x0f) == 8);
        inflate_body(response.body, raw, limit, response.problem);
    } else if (!encoding.empty() && encoding != "identity") {
        response.problem = fmt::format("a page sent with Content-Encoding {}, which Dateline does not read", encoding);
    }
    return response;
}

}  // namespace dateline::indexer
