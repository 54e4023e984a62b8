// SPDX-License-Identifier: GPL-2.0-or-later
// Syndicated copies put in groups after articles are written: the articles
// added since the last grouping (by the commit that first wrote each, the
// added slot), and every article dated within the window of them, are taken
// in order of date and grouped (indexer/clusters/copy_clusters.hpp); an
// article of a group of two or more gets the group's id in the cluster slot
// and term, an article alone has none. A group keeps the id its articles
// already have (the earliest's, when two groups are joined), so ids stay
// as they are across updates, a copy older than a group's first included;
// a new group's is a hash of its earliest article's id. A rebuild carries
// each article's group over from the generation it replaces, so it keeps
// the ids too. Done in its own commit, which also records how far the grouping
// has come (schema::copies_grouped_metadata): a run killed before it leaves
// the next run to do it. Undated articles are not grouped.
#pragma once

#include <xapian.h>

namespace dateline::indexer {

struct CopyGrouping {
    Xapian::doccount compared = 0;  // articles whose text was sketched
    Xapian::doccount changed = 0;   // articles whose group changed
};

CopyGrouping group_copies(Xapian::WritableDatabase& db);

}  // namespace dateline::indexer
