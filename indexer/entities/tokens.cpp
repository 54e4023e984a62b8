// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/entities/tokens.hpp"

#include <algorithm>
#include <array>

namespace dateline::indexer {
namespace {

// Words whose final period belongs to them (titles, months, company forms).
constexpr std::array<std::string_view, 52> abbreviations{
    "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Sr.", "Jr.", "St.", "Mt.", "Ft.",
    "Gen.", "Lt.", "Col.", "Maj.", "Brig.", "Capt.", "Cmdr.", "Adm.", "Sgt.", "Cpl.",
    "Gov.", "Sen.", "Rep.", "Rev.", "Pres.", "Amb.", "Supt.", "Insp.", "Hon.", "Gens.",
    "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.",
    "Nov.", "Dec.", "Inc.", "Corp.", "Co.", "Ltd.", "Bros.", "No.", "vs.", "etc.",
    "Ave.", "Blvd."};

bool is_space_byte(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Length of a non-breaking space (U+00A0) or other Unicode space at s, or 0.
std::size_t unicode_space_at(std::string_view s, std::size_t i) {
    auto rest = s.substr(i);
    if (rest.starts_with("\u00a0")) return 2;
    if (rest.starts_with("\u2009") || rest.starts_with("\u200a") || rest.starts_with("\u202f") ||
        rest.starts_with("\u2002") || rest.starts_with("\u2003"))
        return 3;
    return 0;
}

// Punctuation that is always a token of its own, longest first.
constexpr std::array<std::string_view, 20> split_marks{
    "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u2014", "\u2013", "\u2026",
    "--", "\"", "(", ")", "[", "]", "{", "}", ",", ";", ":"};

bool is_closing_mark(std::string_view t) {
    return t == "." || t == "!" || t == "?" || t == "\u2026";
}

bool is_abbreviation(std::string_view word) {
    if (std::find(abbreviations.begin(), abbreviations.end(), word) != abbreviations.end()) return true;
    // Initials and dotted acronyms: "J.", "U.S.", "U.N.", "a.m."
    if (word.size() < 2 || word.back() != '.') return false;
    for (std::size_t i = 0; i + 1 < word.size(); i += 2)
        if (!std::isalpha(static_cast<unsigned char>(word[i])) || word[i + 1] != '.') return false;
    return word.size() % 2 == 0;
}

class LineSplitter {
public:
    LineSplitter(std::string_view text, std::size_t base, std::vector<Token>& out)
        : text_(text), base_(base), out_(out) {}

    // One whitespace-separated chunk [b, e) of the line.
    void chunk(std::size_t b, std::size_t e) {
        std::vector<Token> tail;
        while (b < e) {  // leading marks
            std::size_t n = mark_at(b, e);
            if (n == 0) break;
            emit(b, b + n);
            b += n;
        }
        while (e > b) {  // trailing marks, kept in order
            std::string_view word = text_.substr(b, e - b);
            std::size_t n = trailing_mark(word);
            if (n == 0) break;
            tail.push_back(token(e - n, e));
            e -= n;
        }
        if (e > b) split_possessive(b, e);
        out_.insert(out_.end(), tail.rbegin(), tail.rend());
    }

private:
    std::size_t mark_at(std::size_t b, std::size_t e) const {
        std::string_view rest = text_.substr(b, e - b);
        for (std::string_view mark : split_marks)
            if (rest.starts_with(mark)) return mark.size();
        if (rest.starts_with("'") && rest.size() > 1 && rest != "'s" && rest != "'S") return 1;
        return 0;
    }

    static std::size_t trailing_mark(std::string_view word) {
        for (std::string_view mark : split_marks)
            if (word.ends_with(mark) && word.size() > mark.size()) return mark.size();
        if (word.size() > 1 && (word.back() == '!' || word.back() == '?' || word.back() == '\''))
            return 1;
        if (word.size() > 1 && word.back() == '.' && !is_abbreviation(word)) return 1;
        return 0;
    }

    void split_possessive(std::size_t b, std::size_t e) {
        std::string_view word = text_.substr(b, e - b);
        for (std::string_view s : {std::string_view("'s"), std::string_view("\u2019s"),
                                   std::string_view("'S")}) {
            if (word.size() > s.size() && word.ends_with(s)) {
                emit(b, e - s.size());
                emit(e - s.size(), e);
                return;
            }
        }
        emit(b, e);
    }

    Token token(std::size_t b, std::size_t e) const {
        return Token{text_.substr(b, e - b), base_ + b, base_ + e};
    }
    void emit(std::size_t b, std::size_t e) { out_.push_back(token(b, e)); }

    std::string_view text_;
    std::size_t base_;
    std::vector<Token>& out_;
};

bool starts_sentence(std::string_view token) {
    unsigned char c = static_cast<unsigned char>(token[0]);
    return std::isupper(c) || std::isdigit(c) || c >= 0x80 || token == "\"" || token == "'" ||
           token == "(";
}

void split_sentences(const std::vector<Token>& tokens, std::vector<Sentence>& out) {
    Sentence current;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        current.push_back(tokens[i]);
        bool closes = is_closing_mark(tokens[i].text);
        if (closes && i + 1 < tokens.size()) {
            // Closing quotes and brackets stay with the sentence they close.
            while (i + 1 < tokens.size() &&
                   (tokens[i + 1].text == "\u201d" || tokens[i + 1].text == "\u2019" ||
                    tokens[i + 1].text == "\"" || tokens[i + 1].text == ")")) {
                current.push_back(tokens[++i]);
            }
            if (i + 1 < tokens.size() && !starts_sentence(tokens[i + 1].text)) continue;
        }
        if (closes && !current.empty()) {
            out.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) out.push_back(std::move(current));
}

}  // namespace

std::vector<Sentence> tokenise(std::string_view text) {
    std::vector<Sentence> sentences;
    std::size_t line_start = 0;
    while (line_start <= text.size()) {
        std::size_t line_end = text.find('\n', line_start);
        if (line_end == std::string_view::npos) line_end = text.size();
        std::string_view line = text.substr(line_start, line_end - line_start);
        std::vector<Token> tokens;
        LineSplitter splitter(line, line_start, tokens);
        std::size_t i = 0;
        while (i < line.size()) {
            std::size_t space = 0;
            while (i < line.size() &&
                   (is_space_byte(static_cast<unsigned char>(line[i])) || (space = unicode_space_at(line, i)) > 0))
                i += space ? space : 1, space = 0;
            std::size_t b = i;
            while (i < line.size() && !is_space_byte(static_cast<unsigned char>(line[i])) &&
                   unicode_space_at(line, i) == 0)
                ++i;
            // A full stop with no space after it between words: "emotion.Ayatollah".
            for (std::size_t dot = b + 2; dot + 1 < i; ++dot)
                if (line[dot] == '.' && std::islower(static_cast<unsigned char>(line[dot - 1])) &&
                    std::islower(static_cast<unsigned char>(line[dot - 2])) &&
                    std::isupper(static_cast<unsigned char>(line[dot + 1]))) {
                    splitter.chunk(b, dot + 1);
                    b = dot + 1;
                }
            if (i > b) splitter.chunk(b, i);
        }
        split_sentences(tokens, sentences);
        line_start = line_end + 1;
    }
    return sentences;
}

}  // namespace dateline::indexer
