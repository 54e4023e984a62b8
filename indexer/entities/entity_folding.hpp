// SPDX-License-Identifier: GPL-2.0-or-later
// Folding an article's mentions into entities: mentions with the same key
// (shared/entity_key.hpp) are one entity; a one-word mention ("Soleimani",
// "Asad") joins the full name in the same article that ends with it, the
// nearest one before it when several do ("Bush" after "George W. Bush"), else
// the first after it; one key given two types is one entity of the type most
// of its mentions have. Pure: mentions in, entities out.
#pragma once

#include <vector>

#include "indexer/entities/mentions.hpp"
#include "shared/article.hpp"

namespace dateline::indexer {

// Most mentioned first, then in order of first appearance.
std::vector<Entity> fold_mentions(const std::vector<Mention>& mentions, const EntityAliases& aliases);

}  // namespace dateline::indexer
