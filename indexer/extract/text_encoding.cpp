// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/extract/text_encoding.hpp"

#include <fmt/format.h>

namespace dateline::indexer {
namespace {

// Length of the valid UTF-8 sequence at bytes[i], or 0.
std::size_t sequence_length(std::string_view bytes, std::size_t i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(bytes[k]); };
    unsigned char c = byte(i);
    if (c < 0x80) return 1;
    std::size_t length = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (length == 0 || i + length > bytes.size()) return 0;
    for (std::size_t k = 1; k < length; ++k)
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
    unsigned char second = byte(i + 1);
    if (c == 0xE0 && second < 0xA0) return 0;  // overlong
    if (c == 0xED && second > 0x9F) return 0;  // surrogate
    if (c == 0xF0 && second < 0x90) return 0;  // overlong
    if (c == 0xF4 && second > 0x8F) return 0;  // beyond U+10FFFF
    return length;
}

// Windows-1252's 0x80-0x9F; the rest of its upper half is Latin-1.
constexpr char16_t cp1252_high[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

void append_cp1252(std::string& out, unsigned char c) {
    unsigned code = c >= 0x80 && c <= 0x9F ? cp1252_high[c - 0x80] : c;
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
    for (std::size_t i = 0; i < bytes.size();) {
        std::size_t length = sequence_length(bytes, i);
        if (length == 0) return false;
        i += length;
    }
    return true;
}

std::optional<RepairedText> repair_utf8(std::string_view bytes) {
    std::size_t invalid = 0, multibyte = 0;
    for (std::size_t i = 0; i < bytes.size();) {
        if (static_cast<unsigned char>(bytes[i]) < 0x80) {  // ASCII, most of most texts: one test a byte
            ++i;
            continue;
        }
        std::size_t length = sequence_length(bytes, i);
        if (length == 0) {
            ++invalid;
            length = 1;
        } else if (length > 1) {
            ++multibyte;
        }
        i += length;
    }
    if (invalid == 0) return std::nullopt;
    RepairedText decoded;
    decoded.text.reserve(bytes.size() + invalid * 2);
    for (std::size_t i = 0; i < bytes.size();) {
        std::size_t length = sequence_length(bytes, i);
        if (length == 0 || multibyte == 0) {
            append_cp1252(decoded.text, static_cast<unsigned char>(bytes[i]));
            ++i;
        } else {
            decoded.text.append(bytes.substr(i, length));
            i += length;
        }
    }
    decoded.warning = multibyte == 0
                          ? "not UTF-8: read as Windows-1252"
                          : fmt::format("{} byte{} of invalid UTF-8 read as Windows-1252", invalid, invalid == 1 ? "" : "s");
    return decoded;
}

}  // namespace dateline::indexer
