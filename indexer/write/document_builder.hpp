// SPDX-License-Identifier: GPL-2.0-or-later
// Article -> Xapian::Document, following the schema: title and body as
// positional free text (title also under its prefix, and weighted), filters as
// boolean terms, date and outlet in their slots, the article in the data, and
// the unique-id term that makes re-indexing replace the old copy.
#pragma once

#include <xapian.h>

#include "shared/article.hpp"

namespace dateline::indexer {

// generator must have been configured with analysis::configure; it is reused
// across documents because building one is not free. content_hash is stored
// for the next update to compare with ("" when it does not matter).
Xapian::Document build_document(const Article& article, Xapian::TermGenerator& generator,
                                const std::string& content_hash = {});

}  // namespace dateline::indexer
