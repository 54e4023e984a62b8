// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/ingest/manifest.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <memory>

#include <csv.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "shared/error.hpp"
#include "shared/text.hpp"

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
        std::string_view name = trim_space(std::string_view(all).substr(start, end - start));
        if (!name.empty()) names.emplace_back(name);
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

// One row, JSON or CSV alike, into by_path or by_url.
void add_row(const json& object, const std::string& location, const fs::path& folder, Manifest& manifest) {
    auto path = optional_string(object, "path");
    ManifestEntry entry = parse_entry(object, location);
    if (path) manifest.by_path[(folder / *path).lexically_normal().string()] = std::move(entry);
    else if (entry.url) manifest.by_url[*entry.url] = std::move(entry);
    else throw std::invalid_argument("neither \"path\" nor \"url\" says which article the row is for");
}

void read_json_lines(std::istream& in, const std::string& manifest_path, const fs::path& folder, Manifest& manifest) {
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        std::string location = fmt::format("{}:{}", manifest_path, number);
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        try {
            json object = json::parse(line);
            if (!object.is_object()) throw std::invalid_argument("not a JSON object");
            add_row(object, location, folder, manifest);
        } catch (const std::exception& e) {  // json errors and our own invalid_argument
            manifest.problems.push_back({location, fmt::format("manifest line ignored: {}", e.what())});
        }
    }
}

constexpr std::array<std::string_view, 6> csv_columns = {"path", "url", "title", "outlet", "date", "byline"};

// libcsv hands over fields and row ends through callbacks; the CSV is fed a
// line at a time, so a row's line is the one being fed when it ends.
struct CsvRows {
    std::vector<std::string> cells;
    std::vector<std::pair<std::size_t, std::vector<std::string>>> rows;  // line, cells
    std::size_t line = 0;

    static void on_field(void* bytes, std::size_t size, void* self) {
        auto& rows = *static_cast<CsvRows*>(self);
        rows.cells.emplace_back(trim_space(std::string_view(static_cast<const char*>(bytes), size)));
    }
    static void on_row_end(int, void* self) {
        auto& rows = *static_cast<CsvRows*>(self);
        rows.rows.emplace_back(rows.line, std::move(rows.cells));
        rows.cells.clear();
    }
};

void read_csv(std::istream& in, const std::string& manifest_path, const fs::path& folder, Manifest& manifest) {
    // Strict: a stray quote is an error, reported, and reading starts afresh
    // on the next line rather than folding the rest of the file into a cell.
    constexpr unsigned char options = CSV_STRICT | CSV_STRICT_FINI;
    csv_parser parser;
    if (csv_init(&parser, options) != 0) throw std::bad_alloc();
    std::unique_ptr<csv_parser, void (*)(csv_parser*)> owned(&parser, csv_free);
    CsvRows rows;
    std::string line;
    while (std::getline(in, line)) {
        ++rows.line;
        if (rows.line == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
        line += '\n';
        if (csv_parse(&parser, line.data(), line.size(), CsvRows::on_field, CsvRows::on_row_end, &rows) == line.size())
            continue;
        manifest.problems.push_back({fmt::format("{}:{}", manifest_path, rows.line),
                                     fmt::format("manifest row ignored: {}", csv_strerror(csv_error(&parser)))});
        rows.cells.clear();
        csv_free(&parser);
        if (csv_init(&parser, options) != 0) throw std::bad_alloc();
    }
    if (csv_fini(&parser, CsvRows::on_field, CsvRows::on_row_end, &rows) != 0)
        manifest.problems.push_back({fmt::format("{}:{}", manifest_path, rows.line),
                                     fmt::format("manifest ends inside a quoted field: {}", csv_strerror(csv_error(&parser)))});
    if (rows.rows.empty()) return;
    std::vector<std::string> header = rows.rows.front().second;
    for (std::string& name : header) name = ascii_lower(name);
    if (std::ranges::find(header, "path") == header.end() && std::ranges::find(header, "url") == header.end())
        throw Error(ErrorKind::input, fmt::format("{}:1: the CSV manifest's header has no path or url column", manifest_path),
                    "start the file with a header row such as: path,outlet,date,byline,title,url");
    for (const std::string& name : header)
        if (std::ranges::find(csv_columns, name) == csv_columns.end())
            manifest.problems.push_back({fmt::format("{}:1", manifest_path),
                                         fmt::format("column \"{}\" ignored: columns are path, url, title, outlet, date, byline", name)});
    for (std::size_t i = 1; i < rows.rows.size(); ++i) {
        const auto& [number, cells] = rows.rows[i];
        std::string location = fmt::format("{}:{}", manifest_path, number);
        try {
            if (cells.size() > header.size())
                throw std::invalid_argument(fmt::format("{} cells for {} columns", cells.size(), header.size()));
            json object = json::object();
            for (std::size_t c = 0; c < cells.size(); ++c)
                if (!cells[c].empty() && std::ranges::find(csv_columns, header[c]) != csv_columns.end())
                    object[header[c]] = cells[c];
            add_row(object, location, folder, manifest);
        } catch (const std::exception& e) {
            manifest.problems.push_back({location, fmt::format("manifest row ignored: {}", e.what())});
        }
    }
}

}  // namespace

Manifest read_manifest(const std::string& manifest_path) {
    std::ifstream in(manifest_path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::input, fmt::format("cannot read manifest {}", manifest_path),
                    "check the --manifest path");
    fs::path folder = fs::absolute(manifest_path).parent_path();
    Manifest manifest;
    if (ascii_lower(fs::path(manifest_path).extension().string()) == ".csv")
        read_csv(in, manifest_path, folder, manifest);
    else
        read_json_lines(in, manifest_path, folder, manifest);
    return manifest;
}

const ManifestEntry* Manifest::for_file(const std::string& path) const {
    auto found = by_path.find(path);
    return found == by_path.end() ? nullptr : &found->second;
}

const ManifestEntry* Manifest::for_url(const std::string& url) const {
    if (url.empty()) return nullptr;
    auto found = by_url.find(url);
    return found == by_url.end() ? nullptr : &found->second;
}

std::string Manifest::url_rows_fingerprint() const {
    std::string all;
    for (const auto& [url, entry] : by_url) all += url + '\n' + manifest_fingerprint(entry) + '\n';
    return all;
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
