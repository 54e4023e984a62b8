// SPDX-License-Identifier: GPL-2.0-or-later
// The entities of an article's text: the recogniser's mentions folded into
// entities, with the data it needs (model, gazetteers, alias table) loaded
// once per run.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/entities/recogniser.hpp"
#include "shared/article.hpp"
#include "shared/entity_key.hpp"

namespace dateline::indexer {

class EntityFinder {
public:
    // Throws Error (input) naming the file that is missing or damaged.
    static EntityFinder load(const std::filesystem::path& data_dir);

    std::vector<Entity> find(std::string_view title, std::string_view body) const;

    // A hash of the model, gazetteers and aliases: part of every article's
    // content hash, so new data re-extracts on the next update.
    const std::string& fingerprint() const { return fingerprint_; }
    const EntityAliases& aliases() const { return aliases_; }

private:
    EntityFinder(Recogniser recogniser, EntityAliases aliases, std::string fingerprint);

    Recogniser recogniser_;
    EntityAliases aliases_;
    std::string fingerprint_;
};

}  // namespace dateline::indexer
