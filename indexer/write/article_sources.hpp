// SPDX-License-Identifier: GPL-2.0-or-later
// Which records give an article. Two records may give the same article (the
// same URL in two crawl files): the document is written from the last one
// read, and the others are remembered in its also_from slot (schema.hpp), so
// that the next update finds each of them unchanged instead of writing the
// article from each in turn on every run.
#pragma once

#include <xapian.h>

namespace dateline::indexer {

// Gives replacement, about to take the place of old (a document of the same
// article), the records old was built from or remembered, beside those it
// remembers itself, except the one replacement is built from. Where both
// name a record, replacement's hash is kept (it is the later).
void carry_sources(const Xapian::Document& old, Xapian::Document& replacement);
}  // namespace dateline::indexer
