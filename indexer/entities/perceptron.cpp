// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/entities/perceptron.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include <fmt/format.h>
#include <zlib.h>

#include "shared/error.hpp"

namespace dateline::indexer {
namespace {

constexpr std::string_view magic = "dateline-perceptron 1\n";

class GzFile {
public:
    GzFile(const std::filesystem::path& path, const char* mode) : path_(path), file_(gzopen(path.c_str(), mode)) {
        if (!file_) throw Error(ErrorKind::input, fmt::format("cannot open model {}", path.string()));
    }
    ~GzFile() { if (file_) gzclose(file_); }
    GzFile(const GzFile&) = delete;
    GzFile& operator=(const GzFile&) = delete;

    void write(const void* data, std::size_t size) {
        if (size && gzwrite(file_, data, static_cast<unsigned>(size)) != static_cast<int>(size))
            throw Error(ErrorKind::input, fmt::format("cannot write model {}", path_.string()));
    }
    void read(void* data, std::size_t size) {
        if (size && gzread(file_, data, static_cast<unsigned>(size)) != static_cast<int>(size))
            throw Error(ErrorKind::input, fmt::format("model {} is truncated", path_.string()));
    }
    template <class T> void put(T value) { write(&value, sizeof value); }
    template <class T> T get() { T value; read(&value, sizeof value); return value; }
    void close() {
        int status = gzclose(file_);
        file_ = nullptr;
        if (status != Z_OK) throw Error(ErrorKind::input, fmt::format("cannot write model {}", path_.string()));
    }

private:
    std::filesystem::path path_;
    gzFile file_;
};

}  // namespace

Perceptron::Perceptron(std::vector<std::string> tags) : tags_(std::move(tags)) {}

std::int64_t Perceptron::find(FeatureHash feature) const {
    if (keys_.empty()) {
        auto found = index_.find(feature);
        return found == index_.end() ? -1 : std::int64_t{found->second};
    }
    for (std::size_t at = feature & mask_;; at = (at + 1) & mask_) {
        if (keys_[at] == feature) return rows_[at];
        if (keys_[at] == 0) return -1;
    }
}

void Perceptron::freeze() {
    std::size_t capacity = 16;
    while (capacity < 2 * index_.size()) capacity *= 2;
    keys_.assign(capacity, 0);
    rows_.assign(capacity, 0);
    mask_ = capacity - 1;
    for (auto [feature, row] : index_) {
        if (feature == 0) continue;  // the empty marker; a hash of 0 is never seen in practice
        std::size_t at = feature & mask_;
        while (keys_[at] != 0) at = (at + 1) & mask_;
        keys_[at] = feature;
        rows_[at] = row;
    }
}

void Perceptron::score(const std::vector<FeatureHash>& features, std::vector<float>& scores) const {
    const std::size_t n = tags_.size();
    scores.assign(n, 0.0f);
    // The table and the weights are larger than the caches, and a word has
    // some thirty features: their slots are asked for all at once, then the
    // weights of those found, so that the cache misses overlap instead of
    // following one another.
    if (!keys_.empty())
        for (FeatureHash feature : features) {
            __builtin_prefetch(&keys_[feature & mask_]);
            __builtin_prefetch(&rows_[feature & mask_]);
        }
    thread_local std::vector<const float*> found;
    found.clear();
    for (FeatureHash feature : features) {
        std::int64_t row = find(feature);
        if (row < 0) continue;
        found.push_back(&weights_[static_cast<std::size_t>(row) * n]);
        __builtin_prefetch(found.back());
    }
    for (const float* w : found)
        for (std::size_t t = 0; t < n; ++t) scores[t] += w[t];
}

float* Perceptron::row(FeatureHash feature) {
    const std::size_t n = tags_.size();
    auto [it, added] = index_.try_emplace(feature, static_cast<std::uint32_t>(index_.size()));
    if (added) {
        weights_.resize(weights_.size() + n, 0.0f);
        totals_.resize(totals_.size() + n, 0.0);
        stamps_.resize(stamps_.size() + n, 0);
    }
    return &weights_[std::size_t{it->second} * n];
}

void Perceptron::update(const std::vector<FeatureHash>& features, int gold, int guess, std::uint64_t now) {
    if (gold == guess) return;
    for (FeatureHash feature : features) {
        float* w = row(feature);
        std::size_t base = static_cast<std::size_t>(w - weights_.data());
        for (int tag : {gold, guess}) {
            std::size_t at = base + static_cast<std::size_t>(tag);
            totals_[at] += double(now - stamps_[at]) * w[tag];
            stamps_[at] = now;
            w[tag] += tag == gold ? 1.0f : -1.0f;
        }
    }
}

void Perceptron::average(std::uint64_t now) {
    if (now == 0) return;
    for (std::size_t i = 0; i < weights_.size(); ++i) {
        double total = totals_[i] + double(now - stamps_[i]) * weights_[i];
        weights_[i] = static_cast<float>(total / double(now));
    }
    totals_.clear();
    stamps_.clear();
    freeze();
}

void Perceptron::prune(float threshold) {
    const std::size_t n = tags_.size();
    std::unordered_map<FeatureHash, std::uint32_t> kept_index;
    std::vector<float> kept;
    for (auto [feature, at] : index_) {
        const float* w = &weights_[std::size_t{at} * n];
        if (std::none_of(w, w + n, [&](float x) { return std::fabs(x) >= threshold; })) continue;
        kept_index.emplace(feature, static_cast<std::uint32_t>(kept_index.size()));
        kept.insert(kept.end(), w, w + n);
    }
    index_ = std::move(kept_index);
    weights_ = std::move(kept);
    freeze();
}

void Perceptron::save(const std::filesystem::path& path) const {
    const std::size_t n = tags_.size();
    float largest = 1e-6f;
    for (float w : weights_) largest = std::max(largest, std::fabs(w));
    const float scale = 32767.0f / largest;

    // Features in hash order, so the same model always makes the same file.
    std::vector<std::pair<FeatureHash, std::uint32_t>> rows(index_.begin(), index_.end());
    std::sort(rows.begin(), rows.end());

    GzFile out(path, "wb9");
    out.write(magic.data(), magic.size());
    out.put<std::uint32_t>(static_cast<std::uint32_t>(n));
    for (const std::string& tag : tags_) {
        out.put<std::uint32_t>(static_cast<std::uint32_t>(tag.size()));
        out.write(tag.data(), tag.size());
    }
    out.put<float>(scale);
    out.put<std::uint64_t>(rows.size());
    std::vector<std::int16_t> quantised(n);
    for (auto [feature, at] : rows) {
        out.put<FeatureHash>(feature);
        for (std::size_t t = 0; t < n; ++t)
            quantised[t] = static_cast<std::int16_t>(std::lround(weights_[std::size_t{at} * n + t] * scale));
        out.write(quantised.data(), n * sizeof(std::int16_t));
    }
    out.close();
}

Perceptron Perceptron::load(const std::filesystem::path& path) {
    GzFile in(path, "rb");
    std::string header(magic.size(), '\0');
    in.read(header.data(), header.size());
    if (header != magic) throw Error(ErrorKind::input, fmt::format("{} is not a Dateline model", path.string()));
    auto n = in.get<std::uint32_t>();
    if (n == 0 || n > 64) throw Error(ErrorKind::input, fmt::format("model {} is damaged", path.string()));
    std::vector<std::string> tags;
    for (std::uint32_t t = 0; t < n; ++t) {
        auto size = in.get<std::uint32_t>();
        if (size > 64) throw Error(ErrorKind::input, fmt::format("model {} is damaged", path.string()));
        std::string tag(size, '\0');
        in.read(tag.data(), size);
        tags.push_back(std::move(tag));
    }
    Perceptron model(std::move(tags));
    const float scale = in.get<float>();
    const auto count = in.get<std::uint64_t>();
    if (count > (1u << 26)) throw Error(ErrorKind::input, fmt::format("model {} is damaged", path.string()));
    model.index_.reserve(count);
    model.weights_.resize(count * n);
    std::vector<std::int16_t> quantised(n);
    for (std::uint64_t i = 0; i < count; ++i) {
        auto feature = in.get<FeatureHash>();
        in.read(quantised.data(), n * sizeof(std::int16_t));
        model.index_.emplace(feature, static_cast<std::uint32_t>(i));
        for (std::size_t t = 0; t < n; ++t) model.weights_[i * n + t] = quantised[t] / scale;
    }
    model.freeze();
    return model;
}

}  // namespace dateline::indexer
