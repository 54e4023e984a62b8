// SPDX-License-Identifier: GPL-2.0-or-later
// A stored article's bytes, packed: zstd with a dictionary trained on the
// database's own first articles. An article of a couple of kilobytes packs
// to about two thirds of what Xapian's own zlib makes of it alone, since the
// dictionary holds what articles share (the JSON keys, outlet names, common
// phrases). A database keeps its dictionary in its metadata (store.hpp
// registers it when the database is opened); each packed article names its
// dictionary by id. Data that is not a zstd frame is plain JSON, as a
// database without a dictionary (too few articles to train one) stores it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::stored_data {

// How many of a new database's first articles train its dictionary (a
// rebuild's first run holds as many).
inline constexpr std::size_t training_articles = 625;

// A dictionary from samples of plain stored data (encode_article's), or ""
// when they are too few or too small to train one worth having.
std::string train_dictionary(const std::vector<std::string>& samples);

// Packs data with one dictionary; with none (""), leaves data as it is.
// Safe to share between threads.
class Packer {
public:
    Packer() = default;
    // Throws Error (database) when dictionary is not a zstd dictionary.
    explicit Packer(const std::string& dictionary);

    std::string pack(std::string_view data) const;
    bool packs() const { return compress_ != nullptr; }

private:
    struct Compressor;
    std::shared_ptr<const Compressor> compress_;
};

// Makes a dictionary known to unpack, for the life of the process (each
// dictionary names itself by id; registering one again changes nothing).
// Throws Error (database) when bytes are not a zstd dictionary.
void register_dictionary(std::string_view bytes);

// The plain data: data itself, or what it unpacks to, in buffer. Throws
// Error (database) when it names a dictionary not registered, or is damaged.
std::string_view unpack(std::string_view data, std::string& buffer);

}  // namespace dateline::stored_data
