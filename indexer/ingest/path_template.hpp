// SPDX-License-Identifier: GPL-2.0-or-later
// Metadata told by where an article is filed: --path-template
// '{outlet}/{yyyy}/{mm}/{dd}/*' reads outlet and date from the last four
// parts of each article's path. Placeholders: {outlet}, {yyyy}, {mm}, {dd},
// {date} (YYYY-MM-DD or YYYYMMDD); "*" matches any run of characters within
// one part, "?" any one; everything else must match as written.
#pragma once

#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "shared/dates.hpp"

namespace dateline::indexer {

struct PathFields {
    std::optional<std::string> outlet;  // the folder's name as written
    std::optional<Date> date;
    std::string problem;  // the path does not match, or its date is not a date
};

class PathTemplate {
public:
    // Throws Error (usage) for an unknown placeholder or an empty template.
    explicit PathTemplate(std::string text);

    // What path's last parts say; problem set (and fields empty) when they
    // do not match the template.
    PathFields read(std::string_view path) const;

    const std::string& text() const { return text_; }

private:
    enum class Slot { outlet, year, month, day, date };
    std::string text_;
    std::regex pattern_;
    std::vector<Slot> slots_;  // one per capture group, in order
};

}  // namespace dateline::indexer
