// SPDX-License-Identifier: GPL-2.0-or-later
// A concordance's occurrences as they stream out: text (the matches lined up
// in a column between their contexts), CSV rows under a header, or JSON
// Lines with a last line that sums them up and carries the manifest
// (docs/output-format.md).
#pragma once

#include <ostream>

#include "searcher/kwic.hpp"

namespace dateline::searcher {

void print_kwic_text(std::ostream& out, const Occurrence& occurrence, unsigned context);
void print_kwic_csv_header(std::ostream& out);
void print_kwic_csv(std::ostream& out, const Occurrence& occurrence);
void print_kwic_jsonl(std::ostream& out, const Occurrence& occurrence);
// {"articles": N, "occurrences": N, "manifest": {...}}
void print_kwic_summary_jsonl(std::ostream& out, const Concordance& concordance);

}  // namespace dateline::searcher
