// SPDX-License-Identifier: GPL-2.0-or-later
// Found instead of Xapian's own header by the pure libraries (indexer/extract,
// indexer/entities), whose include path puts this folder first: extraction is
// string in, value out, and their build fails if they reach for Xapian.
#error "indexer/extract and indexer/entities are pure: no Xapian here (see ARCHITECTURE.md)"
