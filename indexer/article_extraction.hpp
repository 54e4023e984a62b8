// SPDX-License-Identifier: GPL-2.0-or-later
// One record to one finished Article: the format's reader, then the
// manifest's metadata over it, then its entities. `update`, `rebuild` and
// `extract` all go through here, so what extract prints is what is indexed.
#pragma once

#include "indexer/index_files.hpp"
#include "indexer/manifest.hpp"
#include "indexer/records.hpp"

namespace dateline::indexer {

ExtractedRecord extract_article(const RawRecord& record, InputFormat format, const ManifestEntry* entry,
                                const IndexingOptions& options);

}  // namespace dateline::indexer
