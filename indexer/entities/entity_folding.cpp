// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/entities/entity_folding.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>

namespace dateline::indexer {
namespace {

struct Keyed {
    const Mention* mention;
    EntityType type;
    std::string key;
    bool is_full() const { return key.find(' ') != std::string::npos; }
};

struct Group {
    std::string key;
    bool full;  // a name of several words
    std::map<EntityType, int> type_votes;
    std::vector<const Mention*> mentions;
    std::size_t first = 0;  // position of its first mention
};

class Folder {
public:
    Group& group_of_key(const std::string& key, bool full) {
        for (Group& group : groups_)
            if (group.key == key) return group;
        groups_.push_back({key, full, {}, {}, 0});
        return groups_.back();
    }

    void add(Group& group, const Keyed& k) {
        if (group.mentions.empty()) group.first = k.mention->position;
        group.mentions.push_back(k.mention);
        ++group.type_votes[k.type];
    }

    // A one-word mention: the surname of a full name, or a name of its own.
    void add_one_word(const Keyed& one) {
        for (Group& group : groups_)
            if (!group.full && group.key == one.key) return add(group, one);  // established on its own
        std::vector<Group*> candidates;
        for (Group& group : groups_)
            if (group.full && last_word(group.key) == one.key &&
                (group.type_votes.count(one.type) || group.type_votes.count(EntityType::person)))
                candidates.push_back(&group);
        Group* best = nullptr;
        std::size_t best_before = 0;
        for (Group* group : candidates) {
            std::size_t before = mentions_before(*group, one.mention->position);
            if (before > best_before) best = group, best_before = before;
        }
        // A full name given later is the same entity only for a headline,
        // which names people by surname before the text introduces them.
        if (!best && one.mention->in_title)
            for (Group* group : candidates)
                if (!best || group->first < best->first) best = group;
        add(best ? *best : group_of_key(one.key, false), one);
    }

    std::vector<Group>& groups() { return groups_; }

private:
    static std::size_t mentions_before(const Group& group, std::size_t position) {
        return static_cast<std::size_t>(std::count_if(group.mentions.begin(), group.mentions.end(),
                                                      [&](const Mention* m) { return m->position < position; }));
    }

    std::vector<Group> groups_;  // a deque's stability is not needed: references never outlive a call
};

bool is_capitals(const std::string& text) {
    return std::none_of(text.begin(), text.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
}

Entity entity_of(const Group& group, const EntityAliases& aliases) {
    Entity entity;
    entity.key = group.key;
    // The type most mentions have; on a tie place, then organisation: the
    // recogniser's commonest mistake is a person for an unknown capitalised word.
    entity.type = std::max_element(group.type_votes.rbegin(), group.type_votes.rend(),
                                   [](const auto& a, const auto& b) { return a.second < b.second; })
                      ->first;
    std::map<std::string, int> counts;
    for (const Mention* m : group.mentions) {
        if (counts[m->text]++ == 0) entity.forms.push_back(m->text);
        ++entity.mentions;
    }
    // The fullest form, then one not in capitals (a dateline's "TEHRAN"),
    // then the most used, then the first.
    auto rank = [&](const Mention* m) { return std::tuple(m->words, !is_capitals(m->text), counts[m->text]); };
    const Mention* best = nullptr;
    for (const Mention* m : group.mentions)
        if (!best || rank(m) > rank(best)) best = m;
    entity.name = best->text;
    if (std::string canonical = aliases.canonical_name(group.key, entity.type);
        !canonical.empty() && (best->words < 2 || group.key != variant_key(best->text, entity.type)))
        entity.name = canonical;
    return entity;
}

}  // namespace

std::vector<Entity> fold_mentions(const std::vector<Mention>& mentions, const EntityAliases& aliases) {
    std::vector<Keyed> keyed;
    for (const Mention& m : mentions) {
        auto [type, key] = aliases.resolve(m.text, m.type);
        if (!key.empty()) keyed.push_back({&m, type, std::move(key)});
    }
    // Full names (several words, or aliases of them) first: they are what
    // one-word mentions join.
    Folder folder;
    for (const Keyed& k : keyed)
        if (k.is_full()) folder.add(folder.group_of_key(k.key, true), k);
    for (const Keyed& k : keyed)
        if (!k.is_full()) folder.add_one_word(k);

    std::vector<Entity> entities;
    for (const Group& group : folder.groups()) {
        // A capitalised word seen only in a headline, where every word is
        // capitalised ("Backing Away From Conflict"), is no evidence of a name.
        bool headline_only = std::all_of(group.mentions.begin(), group.mentions.end(),
                                         [](const Mention* m) { return m->in_title && m->words == 1; });
        if (!headline_only) entities.push_back(entity_of(group, aliases));
    }
    // A one-word name that is the surname of a person the article names in
    // full is a person, whatever the recogniser called it ("Trump" tagged as
    // an organisation in "the Trump administration").
    for (Entity& entity : entities) {
        if (entity.type == EntityType::person || entity.key.find(' ') != std::string::npos) continue;
        for (const Entity& other : entities)
            if (other.type == EntityType::person && other.key != entity.key && last_word(other.key) == entity.key)
                entity.type = EntityType::person;
    }
    std::stable_sort(entities.begin(), entities.end(),
                     [](const Entity& a, const Entity& b) { return a.mentions > b.mentions; });
    return entities;
}

}  // namespace dateline::indexer
