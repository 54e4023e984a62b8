// SPDX-License-Identifier: GPL-2.0-or-later
// Work in order on every core: a producer thread makes tasks one after
// another, worker threads turn them into results side by side, and the
// caller takes the results in the order the tasks were made, so what it
// does with them (write, print, report) is exactly what one thread would
// have done. At most `ahead` tasks are made but not yet taken, so memory
// stays flat however long the stream.
#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace dateline::indexer {

template <class Task, class Result>
class OrderedPool {
public:
    // produce() is called on a thread of its own until it gives nullopt;
    // work(task) on `workers` threads. Both start at once.
    OrderedPool(std::function<std::optional<Task>()> produce, std::function<Result(Task&)> work, unsigned workers,
                unsigned ahead)
        : produce_(std::move(produce)), work_(std::move(work)), ahead_(std::max(ahead, workers + 1)) {
        producer_ = std::thread([this] { run_producer(); });
        for (unsigned i = 0; i < std::max(workers, 1u); ++i) workers_.emplace_back([this] { run_worker(); });
    }

    // Stops the threads (if the caller gave up early) and waits for them.
    ~OrderedPool() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        changed_.notify_all();
        producer_.join();
        for (std::thread& worker : workers_) worker.join();
    }

    OrderedPool(const OrderedPool&) = delete;
    OrderedPool& operator=(const OrderedPool&) = delete;

    // The next result in the order the tasks were made, or nullopt when all
    // are taken. Rethrows the first exception produce or work threw.
    std::optional<Result> next() {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return failure_ || done_.contains(taken_) || (produced_all_ && taken_ == made_); });
        if (failure_) std::rethrow_exception(failure_);
        if (taken_ == made_) return std::nullopt;
        auto found = done_.find(taken_);
        Result result = std::move(found->second);
        done_.erase(found);
        ++taken_;
        lock.unlock();
        changed_.notify_all();  // the producer may make another
        return result;
    }

private:
    void fail(std::exception_ptr error) {
        std::lock_guard lock(mutex_);
        if (!failure_) failure_ = error;
        stopping_ = true;
    }

    void run_producer() {
        try {
            for (;;) {
                {
                    std::unique_lock lock(mutex_);
                    changed_.wait(lock, [&] { return stopping_ || made_ - taken_ < ahead_; });
                    if (stopping_) break;
                }
                std::optional<Task> task = produce_();
                if (!task) break;
                {
                    std::lock_guard lock(mutex_);
                    waiting_.emplace_back(made_++, std::move(*task));
                }
                changed_.notify_all();
            }
        } catch (...) {
            fail(std::current_exception());
        }
        {
            std::lock_guard lock(mutex_);
            produced_all_ = true;
        }
        changed_.notify_all();
    }

    void run_worker() {
        for (;;) {
            std::pair<std::size_t, Task> task;
            {
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [&] { return stopping_ || !waiting_.empty() || produced_all_; });
                if (stopping_ || waiting_.empty()) return;
                task = std::move(waiting_.front());
                waiting_.pop_front();
            }
            try {
                Result result = work_(task.second);
                std::lock_guard lock(mutex_);
                done_.emplace(task.first, std::move(result));
            } catch (...) {
                fail(std::current_exception());
            }
            changed_.notify_all();
        }
    }

    std::function<std::optional<Task>()> produce_;
    std::function<Result(Task&)> work_;
    const std::size_t ahead_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::pair<std::size_t, Task>> waiting_;  // made, not yet taken by a worker
    std::map<std::size_t, Result> done_;               // worked, not yet taken by the caller
    std::size_t made_ = 0, taken_ = 0;
    bool produced_all_ = false, stopping_ = false;
    std::exception_ptr failure_;
    std::thread producer_;
    std::vector<std::thread> workers_;
};

}  // namespace dateline::indexer
