// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/entities/features.hpp"

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

const WordInfo boundary_before{"<s>", "<s>", "<s>", "boundary", 0, false};
const WordInfo boundary_after{"</s>", "</s>", "</s>", "boundary", 0, false};

}  // namespace

DocumentFeatures::DocumentFeatures(const std::vector<std::vector<std::string>>& sentences,
                                   const Gazetteer& gazetteer) {
    std::unordered_set<std::string> lower_words;  // written in lower case somewhere
    for (const auto& sentence : sentences) {
        std::vector<WordInfo> infos;
        std::vector<std::string> lowers;
        std::size_t letters = 0, capitals = 0;
        for (const std::string& raw : sentence) {
            WordInfo info;
            info.word = plain_quotes(raw);
            info.lower = lower_case(info.word);
            info.shape = shape_of(info.word);
            info.kind = kind_of(info.word);
            for (unsigned char c : info.word) {
                letters += std::isalpha(c) != 0;
                capitals += std::isupper(c) != 0;
            }
            if (info.kind == "lower") lower_words.insert(info.lower);
            lowers.push_back(info.lower);
            infos.push_back(std::move(info));
        }
        auto marks = gazetteer.mark(lowers);
        for (std::size_t i = 0; i < infos.size(); ++i) infos[i].gazetteer_marks = marks[i];
        headline_.push_back(letters > 0 && capitals * 10 > letters * 7);
        words_.push_back(std::move(infos));
    }
    for (auto& sentence : words_)
        for (auto& info : sentence)
            info.lower_elsewhere = is_capitalised(info.word) && lower_words.count(info.lower) > 0;
}

void DocumentFeatures::collect(std::size_t sentence, std::size_t i, std::string_view tag1,
                               std::string_view tag2, std::string_view last_type,
                               std::vector<FeatureHash>& out) const {
    const auto& words = words_[sentence];
    auto at = [&](std::ptrdiff_t offset) -> const WordInfo& {
        std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + offset;
        if (j < 0) return boundary_before;
        if (j >= static_cast<std::ptrdiff_t>(words.size())) return boundary_after;
        return words[static_cast<std::size_t>(j)];
    };
    const WordInfo& w = words[i];
    const std::string_view lower = w.lower;
    out.clear();
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
    f.add(20, tag1);
    f.add(21, tag1, tag2);
    f.add(22, tag1, lower);
    f.add(23, tag1, w.shape);
    if (i == 0) f.add(24, w.kind);
    if (headline_[sentence]) f.add(25, lower);
    for (int offset : {-1, 0, 1}) {
        std::uint32_t marks = at(offset).gazetteer_marks;
        for (unsigned bit = 0; marks != 0; ++bit, marks >>= 1)
            if (marks & 1u) f.add(static_cast<unsigned char>(27 + offset), std::string_view(&gazetteer_bit_names[bit], 1));
    }
    if (w.lower_elsewhere) f.add(29, w.kind);
    if (!last_type.empty()) f.add(30, last_type);
    f.add(31, at(-1).kind, w.kind, at(1).kind);
    f.add(32, at(-1).kind, w.kind);
    f.add(33, w.kind, at(1).kind);
}

}  // namespace dateline::indexer
