// SPDX-License-Identifier: GPL-2.0-or-later
// A date in the data a page's scripts carry, as single-page apps ship their
// content: "published_at":"2019-03-02T06:22:28+01:00", also HTML-escaped
// (&quot;). A page's last resort for a date. Pure.
#pragma once

#include <optional>
#include <vector>

#include <gumbo.h>

#include "shared/dates.hpp"

namespace dateline::indexer {

// The first such date of the first script that has one, or nullopt.
std::optional<Date> script_data_date(const std::vector<const GumboNode*>& scripts);

}  // namespace dateline::indexer
