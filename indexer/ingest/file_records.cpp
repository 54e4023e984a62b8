// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/ingest/file_records.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "indexer/extract/http_response.hpp"
#include "indexer/ingest/warc.hpp"

namespace dateline::indexer {
namespace {

constexpr std::size_t read_size = 1 << 20;
// Enough of the start of a file to tell its format: its first line, unless
// that is longer than this.
constexpr std::size_t sniff_size = 1 << 16;
// The least a read of a plain file asks for, should it grow while read.
constexpr std::size_t min_read_size = 1 << 12;

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

}  // namespace

FileRecords::FileRecords(const std::string& path, InputFormat requested) : path_(path), file_(path) {
    if (!file_.is_open()) {
        unreadable_ = file_.problem();
        return;
    }
    while (buffer_.size() < sniff_size && buffer_.find('\n') == std::string::npos && fill()) {}
    if (!file_.problem().empty() && buffer_.empty()) {
        unreadable_ = file_.problem();
        return;
    }
    format_ = detect_format(path, buffer_, requested);
    std::size_t mark = 0;
    if (format_ == InputFormat::jsonl && (wide_ = WideStream::for_mark(buffer_, mark))) {
        std::string raw = buffer_.substr(mark);
        buffer_.clear();
        wide_->convert(raw, buffer_, at_end_);
        text_read_ = buffer_.size();
    }
}

bool FileRecords::fill() {
    if (at_end_) return false;
    std::size_t used = buffer_.size();
    std::size_t got = 0;
    if (wide_) {
        std::string raw(read_size, '\0');
        got = file_.read(raw.data(), read_size);
        raw.resize(got);
        if (got == 0) at_end_ = true;
        wide_->convert(raw, buffer_, at_end_);
    } else {
        // Room for the rest of the file (and a byte more, to see it end or
        // grow), up to read_size: clearing a megabyte, or even 64 kB, for
        // each of a folder of small articles cost more than reading them. A
        // gzip stream's size is not known, nor a pipe's: their room doubles
        // from sniff_size.
        std::uint64_t left = file_.size_on_disk() > file_.offset() ? file_.size_on_disk() - file_.offset() : 0;
        std::size_t want = file_.is_gzip() || left == 0
                               ? std::max(used, sniff_size)
                               : static_cast<std::size_t>(std::clamp<std::uint64_t>(left + 1, min_read_size, read_size));
        want = std::min(want, read_size);
        buffer_.resize(used + want);
        got = file_.read(buffer_.data() + used, want);
        buffer_.resize(used + got);
        if (got == 0) at_end_ = true;
    }
    text_read_ += buffer_.size() - used;
    return got > 0;
}

RawRecord FileRecords::too_large(std::string key, std::size_t line, std::uint64_t bytes, bool exact) const {
    RawRecord record{std::move(key), {}, line, {}};
    record.problem = exact ? fmt::format("{:.1f} MB is too large for one article (the limit is {} MB)", bytes / 1e6,
                                         max_article_bytes / 1'000'000)
                           : fmt::format("more than {} MB once decompressed is too large for one article",
                                         max_article_bytes / 1'000'000);
    return record;
}

std::optional<RawRecord> FileRecords::next() {
    if (!unreadable_.empty()) return std::nullopt;
    if (format_ == InputFormat::jsonl) return next_line();
    if (format_ == InputFormat::warc) return next_warc_record();
    if (whole_given_) return std::nullopt;
    whole_given_ = true;
    // A plain file over the limit says so by its size, unread.
    if (!file_.is_gzip() && file_.size_on_disk() > max_article_bytes)
        return too_large(path_, 0, file_.size_on_disk(), true);
    while (buffer_.size() <= max_article_bytes && fill()) {}
    if (!file_.problem().empty()) {
        // The end of a single article is missing: nothing of it is kept,
        // and the record says why.
        RawRecord record{path_, {}, 0, {}};
        record.problem = file_.problem();
        return record;
    }
    if (buffer_.size() > max_article_bytes) return too_large(path_, 0, buffer_.size(), !file_.is_gzip());
    if (!file_.is_gzip() && file_.offset() != file_.size_on_disk()) {
        // Written to while read (a crawler still saving it): what was read
        // may be half an article. Not indexed now, so the next run reads it.
        RawRecord record{path_, {}, 0, {}};
        record.problem = fmt::format("the file changed while it was read ({} bytes when opened, {} read); skipped, "
                                     "the next run reads it again",
                                     file_.size_on_disk(), file_.offset());
        return record;
    }
    ++records_;
    buffer_.shrink_to_fit();  // held until the record is written: its size, not the reads' room
    return RawRecord{path_, std::move(buffer_), 0, {}};
}

std::optional<RawRecord> FileRecords::next_line() {
    for (;;) {
        std::size_t newline = buffer_.find('\n', start_);
        if (newline == std::string::npos && buffer_.size() - start_ > max_article_bytes) {
            // A line longer than any article: read past it, counting, not keeping.
            std::uint64_t length = buffer_.size() - start_;
            buffer_.clear();
            start_ = 0;
            while (fill()) {
                newline = buffer_.find('\n');
                if (newline != std::string::npos) break;
                length += buffer_.size();
                buffer_.clear();
            }
            if (newline == std::string::npos) {
                if (!file_.problem().empty()) break;  // cut short in the middle of it
                newline = buffer_.size();
            }
            length += newline;
            start_ = std::min(newline + 1, buffer_.size());
            ++line_;
            return too_large(fmt::format("{}#{}", path_, line_), line_, length, true);
        }
        if (newline == std::string::npos) {
            // Keep the unfinished line, drop what was given, and read on.
            buffer_.erase(0, start_);
            start_ = 0;
            if (fill()) continue;
            if (!file_.problem().empty()) break;  // the unfinished line is lost
            if (buffer_.empty()) return std::nullopt;
            newline = buffer_.size();  // the last line, without a line end
        }
        std::string_view line(buffer_.data() + start_, newline - start_);
        start_ = std::min(newline + 1, buffer_.size());
        ++line_;
        if (is_blank(line)) continue;
        // The file's first record says how it was read, once.
        std::string note = records_ == 0 && wide_ ? fmt::format("read as {}", wide_->said()) : "";
        ++records_;
        return RawRecord{fmt::format("{}#{}", path_, line_), std::string(line), line_, {}, std::move(note)};
    }
    std::uint64_t kept_bytes = text_read_ - (buffer_.size() - start_);
    cut_short_ = fmt::format("{}; reading stopped after line {} (byte {} of its text): {} records kept, the rest lost",
                             file_.problem(), line_, kept_bytes, records_);
    return std::nullopt;
}

std::optional<RawRecord> FileRecords::next_warc_record() {
    for (;;) {
        // Between records: their two line ends (and any stray blank lines).
        for (;;) {
            while (start_ < buffer_.size() && (buffer_[start_] == '\r' || buffer_[start_] == '\n')) ++start_;
            if (start_ < buffer_.size() || !fill()) break;
        }
        if (start_ > 0) {
            dropped_ += start_;
            buffer_.erase(0, start_);
            start_ = 0;
        }
        if (buffer_.empty()) {
            finish_warc();
            return std::nullopt;
        }
        const std::uint64_t offset = dropped_;
        WarcHeaderRead read = read_warc_header(buffer_);
        while (read.need_more && fill()) read = read_warc_header(buffer_);
        if (read.need_more) {
            cut_short_ = fmt::format("{}the WARC record at byte {} is cut short in its header; {} pages kept before it",
                                     file_.problem().empty() ? "" : file_.problem() + "; ", offset, records_);
            finish_warc();
            return std::nullopt;
        }
        std::string location = fmt::format("{}: the WARC record at byte {}", path_, offset);
        if (!read.header) {
            // Damaged: reported, and the next record looked for.
            std::size_t next = buffer_.find("\nWARC/1.", 1);
            while (next == std::string::npos && fill()) next = buffer_.find("\nWARC/1.", 1);
            start_ = next == std::string::npos ? buffer_.size() : next + 1;
            RawRecord record{fmt::format("{}#{}", path_, offset), {}, 0, {}};
            record.problem = fmt::format("{}; reading went on at the next record", read.problem);
            record.location = std::move(location);
            return record;
        }
        const WarcHeader& header = *read.header;
        const std::uint64_t end = header.size + header.content_length;
        if (header.content_length > max_article_bytes) {
            // Read past it, not kept.
            std::uint64_t left = end;
            while (left > buffer_.size()) {
                left -= buffer_.size();
                dropped_ += buffer_.size();
                buffer_.clear();
                if (!fill()) break;
            }
            if (left > buffer_.size()) {
                cut_short_ = fmt::format("{}the WARC record at byte {} is cut short", file_.problem().empty() ? "" : file_.problem() + "; ", offset);
                finish_warc();
                return std::nullopt;
            }
            start_ = static_cast<std::size_t>(left);
            if (header.type != "response") {
                ++passed_over_[header.type.empty() ? "untyped" : header.type];
                continue;
            }
            RawRecord record = too_large(fmt::format("{}#{}", path_, offset), 0, header.content_length, true);
            record.location = std::move(location);
            return record;
        }
        while (buffer_.size() < end && fill()) {}
        if (buffer_.size() < end) {
            cut_short_ = fmt::format("{}the WARC record at byte {} is cut short ({} of its {} bytes); {} pages kept before it",
                                     file_.problem().empty() ? "" : file_.problem() + "; ", offset,
                                     buffer_.size() - std::min<std::size_t>(buffer_.size(), header.size),
                                     header.content_length, records_);
            finish_warc();
            return std::nullopt;
        }
        start_ = static_cast<std::size_t>(end);
        if (header.type != "response" || !header.content_type.starts_with("application/http")) {
            ++passed_over_[header.type.empty() ? "untyped" : header.type];
            continue;
        }
        std::string_view block(buffer_.data() + header.size, header.content_length);
        HttpResponse response = read_http_response(block, max_article_bytes);
        if (response.problem.empty() && !is_html_type(response.content_type)) {
            ++passed_over_["response not HTML"];
            continue;
        }
        if (response.problem.empty() && response.status != 200) {
            ++passed_over_[fmt::format("response {}", response.status)];
            continue;
        }
        ++records_;
        RawRecord record{fmt::format("{}#{}", path_, offset), std::move(response.body), 0, std::move(response.problem)};
        record.url = header.target_uri;
        record.date = header.date;
        record.location = std::move(location);
        return record;
    }
}

void FileRecords::finish_warc() {
    std::string others;
    for (const auto& [what, count] : passed_over_) others += fmt::format("{}{} {}", others.empty() ? "" : ", ", what, count);
    summary_ = fmt::format("{} {} read; passed over: {}", records_, records_ == 1 ? "page" : "pages",
                           others.empty() ? "nothing" : others);
}

}  // namespace dateline::indexer
