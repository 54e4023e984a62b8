// SPDX-License-Identifier: GPL-2.0-or-later
#include "tests/warc_files.hpp"

#include <functional>
#include <stdexcept>

#include <fmt/format.h>
#include <zlib.h>

namespace dateline::test {

std::string gzip(std::string_view data, bool raw_deflate) {
    z_stream s{};
    if (deflateInit2(&s, 6, Z_DEFLATED, raw_deflate ? -MAX_WBITS : MAX_WBITS + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("deflateInit2");
    std::string out(deflateBound(&s, data.size()) + 64, '\0');
    s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    s.avail_in = static_cast<uInt>(data.size());
    s.next_out = reinterpret_cast<Bytef*>(out.data());
    s.avail_out = static_cast<uInt>(out.size());
    int status = deflate(&s, Z_FINISH);
    out.resize(s.total_out);
    deflateEnd(&s);
    if (status != Z_STREAM_END) throw std::runtime_error("deflate");
    return out;
}

std::string warc_record(std::string_view type, std::string_view uri, std::string_view block,
                        std::string_view content_type) {
    return fmt::format("WARC/1.1\r\nWARC-Type: {}\r\nWARC-Target-URI: {}\r\nWARC-Date: 2024-03-05T08:30:00Z\r\n"
                       "WARC-Record-ID: <urn:uuid:{}>\r\nContent-Type: {}\r\nContent-Length: {}\r\n\r\n{}\r\n\r\n",
                       type, uri, std::hash<std::string_view>()(std::string(type) + std::string(uri)), content_type,
                       block.size(), block);
}

std::string http_response(std::string_view headers, std::string_view body, int status) {
    return fmt::format("HTTP/1.1 {} OK\r\n{}\r\n{}", status, headers, body);
}

std::string chunked(std::string_view body) {
    std::string out;
    for (std::size_t at = 0; at < body.size(); at += 100) {
        std::string_view chunk = body.substr(at, 100);
        out += fmt::format("{:x}\r\n{}\r\n", chunk.size(), chunk);
    }
    return out + "0\r\n\r\n";
}

}  // namespace dateline::test
