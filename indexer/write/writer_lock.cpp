// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/write/writer_lock.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <thread>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <fmt/format.h>

#include "shared/error.hpp"
#include "shared/generations.hpp"

namespace dateline::indexer {
namespace fs = std::filesystem;
namespace {

// The holder writes its pid into the file, so a refusal can say who holds it.
std::string holder_of(int fd) {
    char buffer[32] = {};
    ssize_t got = ::pread(fd, buffer, sizeof buffer - 1, 0);
    std::string pid = got > 0 ? std::string(buffer, static_cast<std::size_t>(got)) : "";
    while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
    return pid.empty() ? "another process" : "process " + pid;
}

}  // namespace

WriterLock::WriterLock(const std::string& db, std::optional<std::chrono::seconds> wait) {
    store::refuse_foreign_directory(db);  // not even a lock file in someone else's folder
    std::error_code error;
    fs::create_directories(db, error);
    fs::path path = fs::path(db) / store::lock_file_name;
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0)
        throw Error(ErrorKind::database, fmt::format("cannot open lock file {}: {}", path.string(), std::strerror(errno)),
                    "check that the database directory exists and is writable");
    auto deadline = std::chrono::steady_clock::now() + wait.value_or(std::chrono::seconds(0));
    while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK || std::chrono::steady_clock::now() >= deadline) {
            std::string holder = holder_of(fd_);
            ::close(fd_);
            throw Error(ErrorKind::locked, fmt::format("database {} is being written by {}", db, holder),
                        wait ? "it was still busy when --wait ran out" : "wait for it to finish, or pass --wait[=SECONDS]");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, pid.data(), pid.size(), 0) < 0) {
        // Best effort: the pid only makes another run's refusal more helpful.
    }
}

WriterLock::~WriterLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

}  // namespace dateline::indexer
