// SPDX-License-Identifier: GPL-2.0-or-later
// Entities in queries: person:, org:, place: and entity: look names up by
// their key (shared/entity_key.hpp), with the alias table the database was
// built with, so any spelling finds the entity; and plain words that are
// names also match their spelling variants (Suleimani finds Soleimani).
#pragma once

#include <map>
#include <set>
#include <string>

#include <xapian.h>

#include "shared/entity_key.hpp"

namespace dateline::searcher {

// The alias table and titles the indexer stored in a database (empty if
// none), read once a revision and parsed again only when the stored text
// changed: a searcher held open pays nothing a query.
class DatabaseAliases {
public:
    // The aliases db was built with, read from its metadata the first time
    // after a forget(): a holder of open databases (Searcher) forgets them
    // whenever the databases move to another revision.
    const EntityAliases& of(const Xapian::Database& db);
    void forget() { current_ = false; }

private:
    std::string source_;  // the metadata the aliases were parsed from
    EntityAliases aliases_;
    bool current_ = false;
};

// person:"Qassem Suleimani" -> the entity's key, or, for a person of several
// words, also articles that name the surname alone. any: every type.
Xapian::FieldProcessor* make_entity_filter(const EntityAliases& aliases, std::optional<EntityType> type);

// query with each free-text word (not inside a phrase) that is a spelling
// variant of a name in db ORed, as one term (OP_SYNONYM), with that name's
// variant term. parser is the one that parsed query: it knows the words each
// stemmed term came from. Adds each variant key used to keys, with the
// query's own spellings of it (lower case).
using NameKeys = std::map<std::string, std::set<std::string>>;
Xapian::Query expand_name_variants(const Xapian::Query& query, const Xapian::QueryParser& parser,
                                   const Xapian::Database& db, NameKeys& keys);

}  // namespace dateline::searcher
