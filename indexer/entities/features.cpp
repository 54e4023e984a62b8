// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/entities/features.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_set>

#include "shared/text.hpp"

namespace dateline::indexer {
namespace {

std::string plain_quotes(std::string_view word) {
    std::string out;
    for (std::size_t i = 0; i < word.size();) {
        std::string_view rest = word.substr(i);
        if (rest.starts_with("\u2019") || rest.starts_with("\u2018")) { out += '\''; i += 3; }
        else if (rest.starts_with("\u201c") || rest.starts_with("\u201d")) { out += '"'; i += 3; }
        else out += word[i++];
    }
    return out;
}

std::string lower_case(const std::string& word) {
    bool ascii = true;
    for (unsigned char c : word) ascii = ascii && c < 0x80;
    if (!ascii) return fold_for_matching(word);
    std::string out(word);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

char char_class(unsigned char c) {
    if (std::isupper(c)) return 'X';
    if (std::islower(c) || c >= 0x80) return 'x';
    if (std::isdigit(c)) return 'd';
    return static_cast<char>(c);
}

std::string shape_of(const std::string& word) {
    std::string shape;
    for (unsigned char c : word) {
        if (c >= 0x80 && c < 0xC0) continue;  // UTF-8 continuation byte
        char k = char_class(c);
        if (shape.size() >= 2 && shape.back() == k && shape[shape.size() - 2] == k) continue;
        shape += k;
    }
    return shape;
}

std::string kind_of(const std::string& word) {
    bool upper = false, lower = false, digit = false;
    for (unsigned char c : word) {
        upper |= std::isupper(c) != 0;
        lower |= std::islower(c) != 0 || c >= 0x80;
        digit |= std::isdigit(c) != 0;
    }
    if (digit) return upper || lower ? "mixed" : "digit";
    if (!upper && !lower) return "punct";
    if (upper && !lower) return "upper";
    if (!upper) return "lower";
    return std::isupper(static_cast<unsigned char>(word[0])) ? "cap" : "mixed";
}

bool is_capitalised(const std::string& word) {
    return !word.empty() && std::isupper(static_cast<unsigned char>(word[0]));
}

// FNV-1a over a template number and its parts, separated so that ("ab", "c")
// and ("a", "bc") differ.
class FeatureBuilder {
public:
    explicit FeatureBuilder(std::vector<FeatureHash>& out) : out_(out) {}
    template <class... Parts>
    void add(unsigned char id, const Parts&... parts) {
        FeatureHash h = 14695981039346656037ull;
        mix(h, static_cast<char>(id));
        (mix_text(h, std::string_view(parts)), ...);
        out_.push_back(h);
    }

private:
    static void mix(FeatureHash& h, char c) { h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull; }
    static void mix_text(FeatureHash& h, std::string_view text) {
        for (char c : text) mix(h, c);
        mix(h, '\x1f');
    }
    std::vector<FeatureHash>& out_;
};

// One character naming each gazetteer bit in a feature.
constexpr char gazetteer_bit_names[] = "abcdefghijklmnopqrstuvwxyzABCDEF";

const WordInfo boundary_before{"<s>", "<s>", "<s>", "boundary", "", 0, false, 0, "", "", "", "", "", false};
const WordInfo boundary_after{"</s>", "</s>", "</s>", "boundary", "", 0, false, 0, "", "", "", "", "", false};

}  // namespace

std::string tagger_lower(std::string_view raw) { return lower_case(plain_quotes(raw)); }

DocumentFeatures::DocumentFeatures(const std::vector<std::vector<std::string>>& sentences,
                                   const Gazetteer& gazetteer, const WordClusters& clusters) {
    words_.reserve(sentences.size());
    for (const auto& sentence : sentences) {
        std::vector<WordInfo> infos;
        infos.reserve(sentence.size());
        std::vector<std::string> lowers;
        lowers.reserve(sentence.size());
        std::size_t letters = 0, capitals = 0;
        for (const std::string& raw : sentence) {
            WordInfo info;
            info.word = plain_quotes(raw);
            info.lower = lower_case(info.word);
            info.shape = shape_of(info.word);
            info.kind = kind_of(info.word);
            info.cluster = clusters.path_of(info.lower);
            for (unsigned char c : info.word) {
                letters += std::isalpha(c) != 0;
                capitals += std::isupper(c) != 0;
            }
            lowers.push_back(info.lower);
            infos.push_back(std::move(info));
        }
        std::vector<bool> capitalised;
        for (const WordInfo& info : infos) capitalised.push_back(is_capitalised(info.word));
        auto marks = gazetteer.mark(lowers, capitalised);
        for (std::size_t i = 0; i < infos.size(); ++i) infos[i].gazetteer_marks = marks[i];
        headline_.push_back(letters > 0 && capitals * 10 > letters * 7);
        words_.push_back(std::move(infos));
    }
    // Views into words_, which no longer moves.
    std::unordered_set<std::string_view> lower_words;  // written in lower case somewhere
    std::unordered_map<std::string_view, std::uint32_t> ids;
    std::size_t total = 0;
    for (auto& sentence : words_) {
        sentence_start_.push_back(total);
        total += sentence.size();
        for (auto& info : sentence) {
            if (info.kind == "lower") lower_words.insert(info.lower);
            info.id = ids.emplace(info.word, static_cast<std::uint32_t>(ids.size())).first->second;
        }
    }
    distinct_words_ = ids.size();
    for (auto& sentence : words_)
        for (auto& info : sentence)
            info.lower_elsewhere = is_capitalised(info.word) && lower_words.count(info.lower) > 0;
    // Runs of capitalised words: "British Heart Foundation", "House of Commons".
    for (auto& sentence : words_) {
        // A name word: capitalised, or a particle joined to a capitalised
        // word ("al-Assad", "bin-Laden").
        auto capital = [&](std::size_t i) {
            if (i >= sentence.size()) return false;
            const std::string& word = sentence[i].word;
            std::size_t hyphen = word.find('-');
            return is_capitalised(word) ||
                   (hyphen != std::string::npos && hyphen + 1 < word.size() &&
                    std::isupper(static_cast<unsigned char>(word[hyphen + 1])));
        };
        auto joins = [&](std::size_t i) { return i < sentence.size() && sentence[i].lower == "of" && capital(i + 1); };
        for (std::size_t i = 0; i < sentence.size();) {
            if (!capital(i)) {
                ++i;
                continue;
            }
            std::size_t end = i + 1;
            while (capital(end) || joins(end)) ++end;
            for (std::size_t k = i; k < end; ++k) {
                sentence[k].run_first = sentence[i].lower;
                sentence[k].run_last = sentence[end - 1].lower;
                sentence[k].run_place = end - i == 1 ? "U" : k == i ? "B" : k + 1 == end ? "L" : "I";
            }
            i = end;
        }
    }
    for (auto& sentence : words_)
        for (std::size_t i = 0; i < sentence.size(); ++i) {
            WordInfo& info = sentence[i];
            bool next_capital = i + 1 < sentence.size() && is_capitalised(sentence[i + 1].word);
            info.plain = (info.kind == "lower" || info.kind == "punct" || info.kind == "digit") &&
                         info.gazetteer_marks == 0 && info.run_place.empty() && !next_capital;
        }
    // Context aggregation: a capitalised word's neighbours wherever it occurs.
    contexts_.emplace_back();
    std::vector<std::size_t> context_of(distinct_words_, 0);  // by word id
    for (auto& sentence : words_)
        for (std::size_t i = 0; i < sentence.size(); ++i) {
            if (!is_capitalised(sentence[i].word)) continue;
            std::size_t& context = context_of[sentence[i].id];
            if (context == 0) {
                context = contexts_.size();
                contexts_.emplace_back();
            }
            sentence[i].contexts = context;
            auto& seen = contexts_[context];
            if (seen.size() >= 12) continue;
            auto note = [&](std::string mark) {
                if (std::find(seen.begin(), seen.end(), mark) == seen.end()) seen.push_back(std::move(mark));
            };
            note("<" + (i > 0 ? sentence[i - 1].lower : std::string("<s>")));
            note(">" + (i + 1 < sentence.size() ? sentence[i + 1].lower : std::string("</s>")));
        }
    // What does not depend on the tags is the same in every pass (and
    // epoch): worked out the first time a word is scored (most words never
    // are), then kept.
    fixed_at_.assign(total, not_yet);
}

void DocumentFeatures::set_first_pass(const std::vector<std::vector<std::string>>& tags) {
    static constexpr std::string_view types[] = {"O", "PER", "ORG", "LOC", "MISC"};
    auto type_index = [](std::string_view tag) -> std::size_t {
        for (std::size_t t = 1; t < std::size(types); ++t)
            if (tag.size() > 2 && tag.substr(2) == types[t]) return t;
        return 0;
    };
    using Counts = std::array<unsigned, std::size(types)>;
    std::vector<Counts> as_word(distinct_words_, Counts{}), in_mention(distinct_words_, Counts{});  // by word id
    for (std::size_t s = 0; s < words_.size(); ++s)
        for (std::size_t i = 0; i < words_[s].size(); ++i) {
            std::size_t type = type_index(tags[s][i]);
            ++as_word[words_[s][i].id][type];
            if (type) ++in_mention[words_[s][i].id][type];
        }
    auto most = [](const Counts& counts) {
        std::size_t best = 0;
        for (std::size_t t = 1; t < counts.size(); ++t)
            if (counts[t] > counts[best]) best = t;
        return best;
    };
    for (std::size_t s = 0; s < words_.size(); ++s)
        for (std::size_t i = 0; i < words_[s].size(); ++i) {
            WordInfo& info = words_[s][i];
            info.first_type = types[most(as_word[info.id])];
            const Counts& mentions = in_mention[info.id];
            bool in_any = std::any_of(mentions.begin(), mentions.end(), [](unsigned n) { return n > 0; });
            info.first_mention_type = in_any ? types[most(mentions)] : "";
            info.settled = tags[s][i] == "O" && !in_any && !is_capitalised(info.word);
        }
    second_pass_ = true;
}

void DocumentFeatures::fixed_features(std::size_t sentence, std::size_t i, std::vector<FeatureHash>& out) const {
    const auto& words = words_[sentence];
    auto at = [&](std::ptrdiff_t offset) -> const WordInfo& {
        std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + offset;
        if (j < 0) return boundary_before;
        if (j >= static_cast<std::ptrdiff_t>(words.size())) return boundary_after;
        return words[static_cast<std::size_t>(j)];
    };
    const WordInfo& w = words[i];
    const std::string_view lower = w.lower;
    FeatureBuilder f(out);
    f.add(0);
    f.add(1, lower);
    f.add(2, w.word);
    f.add(3, w.shape);
    f.add(4, w.kind);
    for (std::size_t n = 2; n <= 4 && n < lower.size(); ++n) f.add(static_cast<unsigned char>(3 + n), lower.substr(0, n));
    for (std::size_t n = 1; n <= 4 && n < lower.size(); ++n)
        f.add(static_cast<unsigned char>(7 + n), lower.substr(lower.size() - n));
    f.add(12, at(-1).lower);
    f.add(13, at(1).lower);
    f.add(14, at(-2).lower);
    f.add(15, at(2).lower);
    f.add(16, at(-1).shape);
    f.add(17, at(1).shape);
    f.add(18, at(-1).lower, lower);
    f.add(19, lower, at(1).lower);
    if (i == 0) f.add(24, w.kind);
    if (headline_[sentence]) f.add(25, lower);
    for (int offset : {-1, 0, 1}) {
        std::uint32_t marks = at(offset).gazetteer_marks;
        for (unsigned bit = 0; marks != 0; ++bit, marks >>= 1)
            if (marks & 1u) f.add(static_cast<unsigned char>(27 + offset), std::string_view(&gazetteer_bit_names[bit], 1));
    }
    if (w.lower_elsewhere) f.add(29, w.kind);
    f.add(31, at(-1).kind, w.kind, at(1).kind);
    f.add(32, at(-1).kind, w.kind);
    f.add(33, w.kind, at(1).kind);
    // The clusters of the word and its neighbours, coarse to fine.
    for (int offset : {-1, 0, 1}) {
        std::string_view path = at(offset).cluster;
        if (path.empty()) continue;
        auto id = static_cast<unsigned char>(35 + offset);
        for (std::size_t n : {4, 6, 10})
            if (n < path.size()) f.add(id, path.substr(0, n));
        f.add(id, path);
    }
    for (int offset : {-2, 2})
        if (std::string_view path = at(offset).cluster; !path.empty()) f.add(offset < 0 ? 37 : 38, path);
    // Document and name context.
    for (const std::string& context : contexts_[w.contexts]) f.add(39, context);
    if (!w.run_place.empty()) {
        f.add(40, w.run_last);
        f.add(41, w.run_first);
        f.add(42, w.run_place, w.run_last);
    }
}

void DocumentFeatures::collect(std::size_t sentence, std::size_t i, std::string_view tag1,
                               std::string_view tag2, std::string_view last_type,
                               std::vector<FeatureHash>& out) const {
    auto& [first, count] = fixed_at_[sentence_start_[sentence] + i];
    if (first == not_yet.first) {
        first = static_cast<std::uint32_t>(fixed_.size());
        fixed_features(sentence, i, fixed_);
        count = static_cast<std::uint32_t>(fixed_.size() - first);
    }
    out.assign(fixed_.begin() + first, fixed_.begin() + first + count);
    const auto& words = words_[sentence];
    const WordInfo& w = words[i];
    FeatureBuilder f(out);
    f.add(20, tag1);
    f.add(21, tag1, tag2);
    f.add(22, tag1, std::string_view(w.lower));
    f.add(23, tag1, std::string_view(w.shape));
    if (!last_type.empty()) f.add(30, last_type);
    if (second_pass_) {
        const WordInfo& before = i > 0 ? words[i - 1] : boundary_before;
        const WordInfo& after = i + 1 < words.size() ? words[i + 1] : boundary_after;
        f.add(43, w.first_type);
        f.add(44, w.first_mention_type);
        f.add(45, w.first_mention_type, w.kind);
        f.add(46, before.first_mention_type, w.first_mention_type, after.first_mention_type);
    }
}

}  // namespace dateline::indexer
