// SPDX-License-Identifier: GPL-2.0-or-later
// A Timeline printed: a table for people (with a bar of each period's share
// on a terminal), one JSON object, one JSON object a period, or CSV rows for
// plotting. A period with no article at all is a gap, not a zero: its share
// is left empty (null in JSON, "-" in the table).
#pragma once

#include <ostream>

#include <nlohmann/json.hpp>

#include "searcher/timeline.hpp"

namespace dateline::searcher {

void print_timeline_text(std::ostream& out, const Timeline& timeline, bool terminal);
// {"version", "query", "unit", "by", "series": [{"outlet", "matches",
// "articles", "undated": {...}, "periods": [...]}], "manifest"}
// (docs/output-format.md).
nlohmann::ordered_json timeline_json(const Timeline& timeline);
void print_timeline_json(std::ostream& out, const Timeline& timeline);
// One period a line: {"outlet", "period", "first", "last", "matches", "articles", "share"}.
void print_timeline_jsonl(std::ostream& out, const Timeline& timeline);
// outlet,period,first,last,matches,articles,share under a header row.
void print_timeline_csv(std::ostream& out, const Timeline& timeline);

}  // namespace dateline::searcher
