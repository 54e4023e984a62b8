// SPDX-License-Identifier: GPL-2.0-or-later
#include "tests/fuzz/fuzz_files.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "indexer/commands/update.hpp"

namespace dateline::fuzz {
namespace {

namespace fs = std::filesystem;

struct Folder {
    fs::path path;
    Folder() {
        std::string pattern = (fs::temp_directory_path() / "dateline-fuzz.XXXXXX").string();
        if (!mkdtemp(pattern.data())) throw std::runtime_error("fuzz: cannot make a folder under " + pattern);
        path = pattern;
    }
    ~Folder() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};

const fs::path& folder() {
    static const Folder made;
    return made.path;
}

}  // namespace

std::string write_file(const std::string& name, const std::uint8_t* data, std::size_t size) {
    fs::path path = folder() / name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!out.flush()) throw std::runtime_error("fuzz: cannot write " + path.string());
    return path.string();
}

const std::string& sample_database() {
    static const std::string path = [] {
        fs::path sample = fs::path(DATELINE_SOURCE_DIR) / "data" / "sample";
        std::string db = (folder() / "sample-db").string();
        indexer::update_database({.database = db,
                                  .paths = {(sample / "articles").string()},
                                  .manifests = {(sample / "manifest.jsonl").string()}});
        return db;
    }();
    return path;
}

std::string_view take_field(std::string_view& rest, char separator) {
    std::size_t end = rest.find(separator);
    std::string_view field = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    return field;
}

}  // namespace dateline::fuzz
