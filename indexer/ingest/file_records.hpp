// SPDX-License-Identifier: GPL-2.0-or-later
// One input file's records, read as a stream: a text or HTML file is one
// record (read whole, up to max_article_bytes); a JSON Lines file is one
// record a non-blank line, each read as it comes, so that memory holds one
// record whatever the size of the file; a WARC web archive is one record an
// archived HTML page, its other records (requests, images, metadata) passed
// over and counted. A damaged compressed export keeps every whole record
// before the damage.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "indexer/extract/text_encoding.hpp"
#include "indexer/ingest/input_file.hpp"
#include "indexer/ingest/records.hpp"

namespace dateline::indexer {

class FileRecords {
public:
    // Opens path and settles its format (requested, or by name, then by
    // content: see detect_format).
    FileRecords(const std::string& path, InputFormat requested);

    InputFormat format() const { return format_; }
    // Why the file cannot be read at all, or "": then next() gives nothing.
    const std::string& unreadable() const { return unreadable_; }

    // The next record, or nullopt at the end. A record too large to be an
    // article comes with its problem set and no bytes.
    std::optional<RawRecord> next();

    // At the end: why reading stopped before the end of the file (a gzip
    // stream cut short or damaged), saying where and how many records were
    // read before; "" when it read to the end.
    const std::string& cut_short() const { return cut_short_; }
    // At the end of a WARC file: what it held besides the pages given
    // ("3 pages; passed over: request 3, warcinfo 1"), for --verbose.
    const std::string& summary() const { return summary_; }

private:
    std::optional<RawRecord> next_line();
    std::optional<RawRecord> next_warc_record();
    void finish_warc();
    // More of the file into buffer_; false at its end.
    bool fill();
    RawRecord too_large(std::string key, std::size_t line, std::uint64_t bytes, bool exact) const;

    std::string path_;
    InputFile file_;
    InputFormat format_ = InputFormat::text;
    std::string unreadable_, cut_short_, summary_;
    std::uint64_t dropped_ = 0;  // bytes of content taken off the front of buffer_ so far
    std::map<std::string, std::size_t> passed_over_;  // WARC records not given, by what they were
    std::unique_ptr<WideStream> wide_;  // a JSON Lines file in UTF-16 or UTF-32: converted as read
    std::uint64_t text_read_ = 0;       // bytes of text put in buffer_ so far
    std::string buffer_;        // read but not yet given
    std::size_t start_ = 0;     // where the next record begins in buffer_
    std::size_t line_ = 0;      // lines given so far
    std::size_t records_ = 0;   // records given so far
    bool whole_given_ = false;  // a whole-file record was given
    bool at_end_ = false;
};

}  // namespace dateline::indexer
