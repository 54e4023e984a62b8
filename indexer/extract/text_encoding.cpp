// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/extract/text_encoding.hpp"

#include <algorithm>
#include <cerrno>
#include <iconv.h>

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

struct WideEncoding {
    const char* iconv_name;  // as iconv knows it, without a byte-order mark
    const char* said;        // for the note
    std::size_t unit;        // bytes a code unit
    std::size_t mark;        // bytes of byte-order mark to skip
};

// UTF-16 without a mark: in the first 4 kB, most ASCII characters leave a NUL
// on one side of each pair and almost none on the other.
std::optional<WideEncoding> unmarked_utf16(std::string_view bytes) {
    std::size_t n = std::min<std::size_t>(bytes.size(), 4096) & ~std::size_t{1};
    if (n < 4) return std::nullopt;
    std::size_t even_nuls = 0, odd_nuls = 0;
    for (std::size_t i = 0; i < n; i += 2) {
        even_nuls += bytes[i] == '\0';
        odd_nuls += bytes[i + 1] == '\0';
    }
    std::size_t pairs = n / 2;
    if (odd_nuls * 10 >= pairs * 4 && even_nuls * 20 <= pairs) return WideEncoding{"UTF-16LE", "UTF-16 LE (no byte-order mark)", 2, 0};
    if (even_nuls * 10 >= pairs * 4 && odd_nuls * 20 <= pairs) return WideEncoding{"UTF-16BE", "UTF-16 BE (no byte-order mark)", 2, 0};
    return std::nullopt;
}

std::optional<WideEncoding> wide_encoding(std::string_view bytes) {
    if (bytes.starts_with(std::string_view("\xFF\xFE\0\0", 4))) return WideEncoding{"UTF-32LE", "UTF-32 LE", 4, 4};
    if (bytes.starts_with(std::string_view("\0\0\xFE\xFF", 4))) return WideEncoding{"UTF-32BE", "UTF-32 BE", 4, 4};
    if (bytes.starts_with("\xFF\xFE")) return WideEncoding{"UTF-16LE", "UTF-16 LE", 2, 2};
    if (bytes.starts_with("\xFE\xFF")) return WideEncoding{"UTF-16BE", "UTF-16 BE", 2, 2};
    return unmarked_utf16(bytes);
}

}  // namespace

std::optional<RepairedText> decode_wide_unicode(std::string_view bytes) {
    std::optional<WideEncoding> encoding = wide_encoding(bytes);
    if (!encoding) return std::nullopt;
    iconv_t converter = iconv_open("UTF-8", encoding->iconv_name);
    if (converter == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
    bytes.remove_prefix(encoding->mark);
    RepairedText decoded;
    decoded.text.resize(bytes.size() * 2 + 16);  // UTF-8 takes at most 3 bytes for 2 of UTF-16, 4 for 4 of UTF-32
    char* in = const_cast<char*>(bytes.data());
    std::size_t in_left = bytes.size(), replaced = 0, written = 0;
    while (in_left > 0) {
        char* out = decoded.text.data() + written;
        std::size_t out_left = decoded.text.size() - written;
        std::size_t done = iconv(converter, &in, &in_left, &out, &out_left);
        written = decoded.text.size() - out_left;
        if (done != static_cast<std::size_t>(-1)) break;
        if (errno == E2BIG) {
            decoded.text.resize(decoded.text.size() * 2);
            continue;
        }
        // EILSEQ (a lone surrogate, a code beyond U+10FFFF) or EINVAL (a unit cut at the end).
        std::size_t skip = std::min(in_left, encoding->unit);
        in += skip;
        in_left -= skip;
        ++replaced;
        if (decoded.text.size() - written < 3) decoded.text.resize(decoded.text.size() * 2);
        decoded.text.replace(written, 3, "\xEF\xBF\xBD");
        written += 3;
    }
    iconv_close(converter);
    decoded.text.resize(written);
    decoded.warning = replaced == 0 ? fmt::format("read as {}", encoding->said)
                                    : fmt::format("read as {}; {} unit{} that could not be converted became U+FFFD",
                                                  encoding->said, replaced, replaced == 1 ? "" : "s");
    return decoded;
}

std::unique_ptr<WideStream> WideStream::for_mark(std::string_view start, std::size_t& mark) {
    std::optional<WideEncoding> encoding = wide_encoding(start);
    if (!encoding || encoding->mark == 0) return nullptr;  // unmarked UTF-16 is known only in a whole file
    iconv_t converter = iconv_open("UTF-8", encoding->iconv_name);
    if (converter == reinterpret_cast<iconv_t>(-1)) return nullptr;
    mark = encoding->mark;
    return std::unique_ptr<WideStream>(new WideStream(converter, encoding->unit, encoding->said));
}

WideStream::WideStream(void* converter, std::size_t unit, const char* said)
    : converter_(converter), unit_(unit), said_(said) {}

WideStream::~WideStream() { iconv_close(static_cast<iconv_t>(converter_)); }

void WideStream::convert(std::string_view bytes, std::string& out, bool at_end) {
    std::string input = std::move(held_);
    held_.clear();
    input.append(bytes);
    char* in = input.data();
    std::size_t in_left = input.size();
    std::size_t written = out.size();
    out.resize(written + in_left * 2 + 16);  // 3 bytes of UTF-8 at most for 2 of UTF-16, 4 for 4 of UTF-32
    while (in_left > 0) {
        char* to = out.data() + written;
        std::size_t out_left = out.size() - written;
        std::size_t done = iconv(static_cast<iconv_t>(converter_), &in, &in_left, &to, &out_left);
        written = out.size() - out_left;
        if (done != static_cast<std::size_t>(-1)) break;
        if (errno == E2BIG) {
            out.resize(out.size() * 2);
            continue;
        }
        if (errno == EINVAL && !at_end) {
            held_.assign(in, in_left);  // a unit or a surrogate pair cut by the piece's end
            break;
        }
        std::size_t skip = std::min(in_left, unit_);
        in += skip;
        in_left -= skip;
        if (out.size() - written < 3) out.resize(out.size() * 2 + 3);
        out.replace(written, 3, "\xEF\xBF\xBD");
        written += 3;
    }
    out.resize(written);
}

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
