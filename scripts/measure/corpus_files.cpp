// SPDX-License-Identifier: GPL-2.0-or-later
#include "scripts/measure/corpus_files.hpp"

#include <cstdio>
#include <fstream>
#include <memory>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace dateline::test {
namespace fs = std::filesystem;

std::string string_field(const nlohmann::json& record, const char* key) {
    auto it = record.find(key);
    return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void for_each_corpus_record(const fs::path& corpus, const std::function<bool(const nlohmann::json&)>& each) {
    if (!fs::is_regular_file(corpus)) throw std::runtime_error("no corpus at " + corpus.string());
    std::string command = fmt::format("zcat -f '{}'", corpus.string());
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    if (!pipe) throw std::runtime_error("cannot run " + command);
    std::string line;
    char buffer[65536];
    while (fgets(buffer, sizeof buffer, pipe.get())) {
        line += buffer;
        if (line.back() != '\n' && !feof(pipe.get())) continue;  // a line longer than the buffer
        auto record = nlohmann::json::parse(line, nullptr, false);
        line.clear();
        if (record.is_object() && !each(record)) return;
    }
}

std::size_t export_corpus_as_files(const fs::path& corpus, const fs::path& folder, std::size_t limit) {
    fs::create_directories(folder);
    std::ofstream manifest(folder / "manifest.jsonl");
    std::size_t written = 0;
    for_each_corpus_record(corpus, [&](const nlohmann::json& record) {
        if (!record.contains("text")) return true;
        std::string name = fmt::format("{:06}.txt", ++written);
        std::ofstream(folder / name) << record.value("title", "") << "\n\n" << record.value("text", "") << '\n';
        nlohmann::json entry = {{"path", name}};
        if (record.contains("outlet") && record["outlet"].is_string()) entry["outlet"] = record["outlet"];
        if (record.contains("date") && record["date"].is_string())
            entry["date"] = record["date"].get<std::string>().substr(0, 10);
        manifest << entry.dump() << '\n';
        return limit == 0 || written < limit;
    });
    return written;
}

}  // namespace dateline::test
