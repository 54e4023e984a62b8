// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/alert_store.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "shared/error.hpp"
#include "shared/replace_file.hpp"

namespace dateline::searcher {
namespace fs = std::filesystem;
using nlohmann::ordered_json;

namespace {

constexpr int file_version = 1;

Error unreadable(const fs::path& path, const std::string& why) {
    return Error(ErrorKind::input, fmt::format("{}: {}", path.string(), why),
                 "it is dateline-search's alert file: fix it, or move it away to start again");
}

std::vector<Alert> parse_alerts(const fs::path& path, const std::string& text) {
    std::vector<Alert> alerts;
    try {
        auto root = nlohmann::json::parse(text);
        if (!root.is_object() || root.value("version", 0) != file_version || !root.contains("alerts"))
            throw unreadable(path, "not an alert file of this version");
        for (const auto& object : root.at("alerts")) {
            Alert alert;
            alert.name = object.at("name").get<std::string>();
            alert.query = object.at("query").get<std::string>();
            alert.database = object.at("database").get<std::string>();
            alert.seen = object.at("seen").get<std::uint64_t>();
            alert.created = object.value("created", "");
            alert.last_run = object.value("last_run", "");
            alerts.push_back(std::move(alert));
        }
    } catch (const nlohmann::json::exception& e) {
        throw unreadable(path, fmt::format("not valid: {}", e.what()));
    }
    return alerts;
}

}  // namespace

fs::path AlertStore::default_path() {
    if (const char* state = std::getenv("XDG_STATE_HOME"); state && *state)
        return fs::path(state) / "dateline" / "alerts.json";
    if (const char* home = std::getenv("HOME"); home && *home)
        return fs::path(home) / ".local" / "state" / "dateline" / "alerts.json";
    throw Error(ErrorKind::usage, "no place for the alert file: neither XDG_STATE_HOME nor HOME is set",
                "give --state FILE");
}

AlertStore::AlertStore(fs::path path) : path_(std::move(path)) {
    std::error_code error;
    if (path_.has_parent_path()) fs::create_directories(path_.parent_path(), error);
    if (error)
        throw Error(ErrorKind::input, fmt::format("cannot create {}: {}", path_.parent_path().string(), error.message()));
    fs::path lock = path_;
    lock += ".lock";
    lock_fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (lock_fd_ < 0)
        throw Error(ErrorKind::input, fmt::format("cannot open {}: {}", lock.string(), std::strerror(errno)));
    if (::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
        ::close(lock_fd_);
        throw Error(ErrorKind::locked, fmt::format("another dateline-search alert command is using {}", path_.string()),
                    "wait for it to finish; cron runs that overlap skip a turn");
    }
    std::ifstream in(path_, std::ios::binary);
    if (!in) {
        if (fs::exists(path_, error)) {
            ::close(lock_fd_);
            throw unreadable(path_, std::strerror(errno));
        }
        return;  // no alerts yet
    }
    std::ostringstream text;
    text << in.rdbuf();
    try {
        alerts_ = parse_alerts(path_, text.str());
    } catch (...) {
        ::close(lock_fd_);
        throw;
    }
}

AlertStore::~AlertStore() {
    if (lock_fd_ >= 0) ::close(lock_fd_);  // releases the lock
}

Alert* AlertStore::find(std::string_view name) {
    for (Alert& alert : alerts_)
        if (alert.name == name) return &alert;
    return nullptr;
}

void AlertStore::save() const {
    ordered_json list = ordered_json::array();
    for (const Alert& alert : alerts_)
        list.push_back({{"name", alert.name},
                        {"query", alert.query},
                        {"database", alert.database},
                        {"seen", alert.seen},
                        {"created", alert.created},
                        {"last_run", alert.last_run}});
    ordered_json root = {{"version", file_version}, {"alerts", list}};
    replace_file(path_, root.dump(2) + "\n", ErrorKind::input,
                 "check free space and permissions; the alerts keep their previous state");
}

void check_alert_name(std::string_view name) {
    bool fine = !name.empty() && name.size() <= 64 &&
                name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") ==
                    std::string_view::npos;
    if (!fine)
        throw Error(ErrorKind::usage, fmt::format("\"{}\" cannot name an alert", name),
                    "use letters, digits, '.', '_' and '-' (at most 64)");
}

std::string utc_now() {
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", utc);
}

}  // namespace dateline::searcher
