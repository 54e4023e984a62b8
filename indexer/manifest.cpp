// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/manifest.hpp"

#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "shared/error.hpp"

namespace dateline::indexer {
namespace fs = std::filesystem;
namespace {

using nlohmann::json;

std::optional<std::string> optional_string(const json& object, const char* key) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return std::nullopt;
    return it->get<std::string>();  // throws type_error for a non-string
}

// "byline" may be a list of names or one string of names separated by ";".
std::optional<std::vector<std::string>> optional_byline(const json& object) {
    auto it = object.find("byline");
    if (it == object.end() || it->is_null()) return std::nullopt;
    if (it->is_array()) return it->get<std::vector<std::string>>();
    std::vector<std::string> names;
    std::string all = it->get<std::string>();
    for (std::size_t start = 0; start <= all.size();) {
        std::size_t end = std::min(all.find(';', start), all.size());
        std::string name = all.substr(start, end - start);
        name.erase(0, name.find_first_not_of(' '));
        name.erase(name.find_last_not_of(' ') + 1);
        if (!name.empty()) names.push_back(name);
        start = end + 1;
    }
    return names;
}

ManifestEntry parse_entry(const json& object, const std::string& location) {
    ManifestEntry entry;
    entry.location = location;
    entry.title = optional_string(object, "title");
    entry.outlet = optional_string(object, "outlet");
    entry.url = optional_string(object, "url");
    entry.byline = optional_byline(object);
    if (auto date = optional_string(object, "date")) {
        entry.date = parse_iso_date(*date);
        if (!entry.date) throw std::invalid_argument("\"date\" is not a YYYY-MM-DD date: " + *date);
    }
    return entry;
}

}  // namespace

Manifest read_manifest(const std::string& manifest_path) {
    std::ifstream in(manifest_path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::input, fmt::format("cannot read manifest {}", manifest_path),
                    "check the --manifest path");
    fs::path folder = fs::absolute(manifest_path).parent_path();
    Manifest manifest;
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        std::string location = fmt::format("{}:{}", manifest_path, number);
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        try {
            json object = json::parse(line);
            if (!object.is_object() || !object.contains("path") || !object["path"].is_string())
                throw std::invalid_argument("not a JSON object with a \"path\" string");
            std::string path = (folder / object["path"].get<std::string>()).lexically_normal().string();
            manifest.by_path[path] = parse_entry(object, location);
        } catch (const std::exception& e) {  // json errors and our own invalid_argument
            manifest.problems.push_back({location, fmt::format("manifest line ignored: {}", e.what())});
        }
    }
    return manifest;
}

void apply_manifest_entry(const ManifestEntry& entry, Article& article) {
    if (entry.title) article.title = *entry.title;
    if (entry.outlet) article.outlet = *entry.outlet;
    if (entry.date) article.date = entry.date;
    if (entry.byline) article.byline = *entry.byline;
    if (entry.url) article.url = *entry.url;
}

std::string manifest_fingerprint(const ManifestEntry& entry) {
    json fields = {
        {"title", entry.title ? json(*entry.title) : json(nullptr)},
        {"outlet", entry.outlet ? json(*entry.outlet) : json(nullptr)},
        {"date", entry.date ? json(format_iso_date(*entry.date)) : json(nullptr)},
        {"byline", entry.byline ? json(*entry.byline) : json(nullptr)},
        {"url", entry.url ? json(*entry.url) : json(nullptr)},
    };
    return fields.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace dateline::indexer
