// SPDX-License-Identifier: GPL-2.0-or-later
#include <catch2/catch.hpp>

#include <csignal>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

#include "indexer/write/writer_lock.hpp"
#include "shared/error.hpp"
#include "tests/support.hpp"

using namespace dateline;
using namespace std::chrono_literals;

TEST_CASE("a second writer is refused at once, told who holds the lock", "[lock]") {
    test::TempDir dir;
    indexer::WriterLock first(dir / "db", std::nullopt);
    try {
        indexer::WriterLock second(dir / "db", std::nullopt);
        FAIL("two writers held the lock");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::locked);
        CHECK_THAT(e.what(), Catch::Contains("process " + std::to_string(getpid())));
        CHECK_THAT(e.hint(), Catch::Contains("--wait"));
    }
}

TEST_CASE("with --wait a writer gets the lock once the other lets go", "[lock]") {
    test::TempDir dir;
    auto first = std::make_unique<indexer::WriterLock>(dir / "db", std::nullopt);
    std::thread release([&] {
        std::this_thread::sleep_for(300ms);
        first.reset();
    });
    CHECK_NOTHROW(indexer::WriterLock(dir / "db", std::chrono::seconds(30)));
    release.join();
}

TEST_CASE("with a --wait that runs out, the writer is refused", "[lock]") {
    test::TempDir dir;
    indexer::WriterLock first(dir / "db", std::nullopt);
    CHECK_THROWS_AS(indexer::WriterLock(dir / "db", std::chrono::seconds(1)), Error);
}

TEST_CASE("a lock left by a killed process does not block the next writer", "[lock]") {
    test::TempDir dir;
    pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        indexer::WriterLock held(dir / "db", std::nullopt);
        raise(SIGKILL);  // dies holding it, as kill -9 would leave it
    }
    int status = 0;
    waitpid(child, &status, 0);
    REQUIRE(WIFSIGNALED(status));
    REQUIRE(std::filesystem::exists(dir.path() / "db/writer.lock"));
    CHECK_NOTHROW(indexer::WriterLock(dir / "db", std::nullopt));
}
