// SPDX-License-Identifier: GPL-2.0-or-later
#include "shared/stored_data.hpp"

#include <map>
#include <mutex>

#include <fmt/format.h>
#include <zdict.h>
#include <zstd.h>

#include "shared/error.hpp"

namespace dateline::stored_data {
namespace {

// A dictionary's size: larger ones packed synthetic and BBC articles a few
// percent better still, and are read once a process.
constexpr std::size_t dictionary_bytes = 64 * 1024;
// Below this much sample text a dictionary is mostly noise.
constexpr std::size_t least_sample_bytes = 8 * dictionary_bytes;
// What of each sample is learnt from, and how much in all: the start of an
// article (its fields, its first paragraphs) is what articles share.
constexpr std::size_t sample_cut = 16 * 1024, most_sample_bytes = 8 * 1024 * 1024;
constexpr int level = 3;

struct DDictFree {
    void operator()(ZSTD_DDict* d) const { ZSTD_freeDDict(d); }
};
struct CDictFree {
    void operator()(ZSTD_CDict* d) const { ZSTD_freeCDict(d); }
};

Error damaged(const std::string& why) {
    return Error(ErrorKind::database, fmt::format("stored article data is not readable: {}", why),
                 "the database may be damaged; rebuild it");
}

class Registry {
public:
    static Registry& get() {
        static Registry registry;
        return registry;
    }

    void add(std::string_view bytes) {
        unsigned id = ZDICT_getDictID(bytes.data(), bytes.size());
        if (id == 0)
            throw Error(ErrorKind::database, "the database's dictionary for stored articles is damaged",
                        "rebuild the database");
        std::lock_guard lock(mutex_);
        auto& entry = dictionaries_[id];
        if (entry.ddict) {
            if (entry.bytes != bytes)
                throw Error(ErrorKind::database, fmt::format("two databases hold different dictionaries with one id ({})", id),
                            "search them one at a time, or rebuild one of them");
            return;
        }
        entry.bytes = bytes;
        entry.ddict.reset(ZSTD_createDDict(entry.bytes.data(), entry.bytes.size()));
        if (!entry.ddict) throw Error(ErrorKind::database, "cannot load the database's dictionary for stored articles");
    }

    const ZSTD_DDict* find(unsigned id) {
        std::lock_guard lock(mutex_);
        auto at = dictionaries_.find(id);
        return at == dictionaries_.end() ? nullptr : at->second.ddict.get();
    }

private:
    struct Entry {
        std::string bytes;
        std::unique_ptr<ZSTD_DDict, DDictFree> ddict;  // shared by threads: only read
    };
    std::mutex mutex_;
    std::map<unsigned, Entry> dictionaries_;
};

bool is_frame(std::string_view data) {
    return data.size() >= 4 && static_cast<unsigned char>(data[0]) == 0x28 &&
           static_cast<unsigned char>(data[1]) == 0xB5 && static_cast<unsigned char>(data[2]) == 0x2F &&
           static_cast<unsigned char>(data[3]) == 0xFD;
}

}  // namespace

std::string train_dictionary(const std::vector<std::string>& samples) {
    std::string joined;
    std::vector<std::size_t> sizes;
    for (const std::string& sample : samples) {
        if (joined.size() >= most_sample_bytes) break;
        std::size_t size = std::min(sample.size(), sample_cut);
        joined.append(sample, 0, size);
        sizes.push_back(size);
    }
    if (joined.size() < least_sample_bytes) return {};
    std::string dictionary(dictionary_bytes, '\0');
    std::size_t made = ZDICT_trainFromBuffer(dictionary.data(), dictionary.size(), joined.data(), sizes.data(),
                                             static_cast<unsigned>(sizes.size()));
    if (ZDICT_isError(made)) return {};  // samples too alike or too few: store plain
    dictionary.resize(made);
    return dictionary;
}

struct Packer::Compressor {
    std::unique_ptr<ZSTD_CDict, CDictFree> cdict;
};

Packer::Packer(const std::string& dictionary) {
    if (dictionary.empty()) return;
    if (ZDICT_getDictID(dictionary.data(), dictionary.size()) == 0)
        throw Error(ErrorKind::database, "the database's dictionary for stored articles is damaged",
                    "rebuild the database");
    auto made = std::make_shared<Compressor>();
    made->cdict.reset(ZSTD_createCDict(dictionary.data(), dictionary.size(), level));
    if (!made->cdict) throw Error(ErrorKind::database, "cannot load the database's dictionary for stored articles");
    compress_ = std::move(made);
}

std::string Packer::pack(std::string_view data) const {
    if (!compress_) return std::string(data);
    thread_local std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)> context(ZSTD_createCCtx(), ZSTD_freeCCtx);
    std::string packed(ZSTD_compressBound(data.size()), '\0');
    std::size_t size = ZSTD_compress_usingCDict(context.get(), packed.data(), packed.size(), data.data(),
                                                data.size(), compress_->cdict.get());
    if (ZSTD_isError(size))
        throw Error(ErrorKind::internal, fmt::format("cannot pack an article: {}", ZSTD_getErrorName(size)));
    packed.resize(size);
    return packed;
}

void register_dictionary(std::string_view bytes) { Registry::get().add(bytes); }

std::string_view unpack(std::string_view data, std::string& buffer) {
    if (!is_frame(data)) return data;
    unsigned id = ZSTD_getDictID_fromFrame(data.data(), data.size());
    const ZSTD_DDict* dictionary = Registry::get().find(id);
    if (!dictionary)
        throw Error(ErrorKind::database,
                    fmt::format("stored article data needs dictionary {}, which no open database holds", id),
                    "open the database through dateline's own programs, or rebuild it");
    unsigned long long size = ZSTD_getFrameContentSize(data.data(), data.size());
    if (size == ZSTD_CONTENTSIZE_UNKNOWN || size == ZSTD_CONTENTSIZE_ERROR) throw damaged("no length");
    thread_local std::unique_ptr<ZSTD_DCtx, decltype(&ZSTD_freeDCtx)> context(ZSTD_createDCtx(), ZSTD_freeDCtx);
    buffer.resize(size);
    std::size_t made =
        ZSTD_decompress_usingDDict(context.get(), buffer.data(), buffer.size(), data.data(), data.size(), dictionary);
    if (ZSTD_isError(made) || made != size) throw damaged(ZSTD_isError(made) ? ZSTD_getErrorName(made) : "short");
    return buffer;
}

}  // namespace dateline::stored_data
