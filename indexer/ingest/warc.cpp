// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/ingest/warc.hpp"

#include <charconv>

#include <fmt/format.h>

#include "shared/text.hpp"

namespace dateline::indexer {
namespace {

constexpr std::size_t max_header_bytes = 64 * 1024;


}  // namespace

bool looks_like_warc(std::string_view bytes) { return bytes.starts_with("WARC/1."); }

WarcHeaderRead read_warc_header(std::string_view bytes) {
    WarcHeaderRead read;
    if (bytes.size() < 8) {
        if (std::string_view("WARC/1.").starts_with(bytes.substr(0, std::min<std::size_t>(bytes.size(), 7))))
            read.need_more = true;
        else
            read.problem = "not a WARC record (no WARC/1.x line)";
        return read;
    }
    if (!looks_like_warc(bytes)) {
        read.problem = "not a WARC record (no WARC/1.x line)";
        return read;
    }
    WarcHeader header;
    bool has_length = false;
    std::size_t at = bytes.find('\n');
    if (at == std::string_view::npos) {
        read.need_more = bytes.size() < max_header_bytes;
        if (!read.need_more) read.problem = "a WARC header longer than 64 kB";
        return read;
    }
    ++at;
    for (;;) {
        std::size_t end = bytes.find('\n', at);
        if (end == std::string_view::npos) {
            read.need_more = bytes.size() < max_header_bytes;
            if (!read.need_more) read.problem = "a WARC header longer than 64 kB";
            return read;
        }
        std::string_view line = trim_space(bytes.substr(at, end - at));
        at = end + 1;
        if (line.empty()) break;
        std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) {
            read.problem = fmt::format("a WARC header line without a name: \"{}\"", line.substr(0, 60));
            return read;
        }
        std::string name = ascii_lower(trim_space(line.substr(0, colon)));
        std::string_view value = trim_space(line.substr(colon + 1));
        if (name == "warc-type") header.type = ascii_lower(value);
        else if (name == "warc-target-uri") header.target_uri = std::string(value.starts_with('<') && value.ends_with('>') ? value.substr(1, value.size() - 2) : value);
        else if (name == "warc-date") header.date = std::string(value);
        else if (name == "content-type") header.content_type = ascii_lower(value);
        else if (name == "content-length") {
            auto [end_of_number, error] = std::from_chars(value.data(), value.data() + value.size(), header.content_length);
            has_length = error == std::errc() && end_of_number == value.data() + value.size();
            if (!has_length) {
                read.problem = fmt::format("a WARC Content-Length that is not a number: \"{}\"", value.substr(0, 30));
                return read;
            }
        }
        if (at > max_header_bytes) {
            read.problem = "a WARC header longer than 64 kB";
            return read;
        }
    }
    if (!has_length) {
        read.problem = "a WARC record without Content-Length";
        return read;
    }
    header.size = at;
    read.header = std::move(header);
    return read;
}

}  // namespace dateline::indexer
