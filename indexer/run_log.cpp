// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/run_log.hpp"

#include <fmt/format.h>

namespace dateline::indexer {
namespace {

using json = nlohmann::ordered_json;
constexpr std::string_view program = "dateline-index";

std::string_view outcome_name(FileOutcome outcome) {
    switch (outcome) {
    case FileOutcome::added: return "added";
    case FileOutcome::replaced: return "replaced";
    case FileOutcome::unchanged: return "unchanged";
    case FileOutcome::skipped: break;
    }
    return "skipped";
}

std::string dump(const json& object) { return object.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

RunLog::RunLog(LogOptions options, std::ostream& out, std::ostream& err)
    : options_(options), out_(out), err_(err) {}

void RunLog::started(std::size_t files) {
    total_ = files;
    done_ = 0;
    started_ = std::chrono::steady_clock::now();
    draw_progress(true);
}

void RunLog::file_done() {
    ++done_;
    draw_progress(done_ == total_);
}

void RunLog::record_done(const std::string& key, FileOutcome outcome) {
    if (options_.verbosity != Verbosity::verbose) return;
    clear_progress();
    if (options_.format == LogFormat::json)
        err_ << dump({{"program", program}, {"level", "info"}, {"event", outcome_name(outcome)}, {"path", key}}) << '\n';
    else
        err_ << fmt::format("{}: {} {}\n", program, outcome_name(outcome), key);
}

void RunLog::problem(const InputProblem& problem) {
    clear_progress();
    if (options_.format == LogFormat::json)
        err_ << dump({{"program", program}, {"level", "warning"}, {"location", problem.location},
                      {"message", problem.reason}})
             << '\n';
    else
        err_ << fmt::format("{}: warning: {}: {}\n", program, problem.location, problem.reason);
}

// Only in --verbose, as the stages are.
void RunLog::note(const InputProblem& what) {
    if (options_.verbosity != Verbosity::verbose) return;
    clear_progress();
    if (options_.format == LogFormat::json)
        err_ << dump({{"program", program}, {"level", "info"}, {"location", what.location}, {"message", what.reason}})
             << '\n';
    else
        err_ << fmt::format("{}: {}: {}\n", program, what.location, what.reason);
}

// Only in --verbose: people and logs that want to know where the time goes.
void RunLog::stage(const std::string& what) {
    if (options_.verbosity != Verbosity::verbose) return;
    clear_progress();
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    if (options_.format == LogFormat::json)
        err_ << dump({{"program", program}, {"level", "info"}, {"event", "stage"}, {"stage", what}, {"seconds", seconds}})
             << '\n';
    else
        err_ << fmt::format("{}: {} (at {:.1f} s)\n", program, what, seconds);
}

void RunLog::error(const Error& error) {
    clear_progress();
    if (options_.format == LogFormat::json)
        err_ << dump({{"program", program}, {"level", "error"}, {"message", error.what()}, {"hint", error.hint()},
                      {"exit_status", exit_status_for(error.kind())}})
             << '\n';
    else
        err_ << format_error_line(program, error) << '\n';
}

void RunLog::summary(const std::string& text, const json& fields) {
    clear_progress();
    if (options_.verbosity == Verbosity::quiet) return;
    if (options_.format == LogFormat::json) {
        json line = {{"program", program}, {"level", "info"}, {"event", "summary"}};
        line.update(fields);
        out_ << dump(line) << '\n';
    } else {
        out_ << program << ": " << text << '\n';
    }
    out_.flush();
}

// "  1204/21578   5% [##------------------]  812 files/s  ETA 0:25"
void RunLog::draw_progress(bool force) {
    if (!options_.progress || total_ == 0) return;
    auto now = std::chrono::steady_clock::now();
    if (!force && now - drawn_ < std::chrono::milliseconds(100)) return;
    drawn_ = now;
    double seconds = std::chrono::duration<double>(now - started_).count();
    double rate = seconds > 0 ? static_cast<double>(done_) / seconds : 0;
    auto left = rate > 0 ? static_cast<long>(static_cast<double>(total_ - done_) / rate) : 0;
    constexpr std::size_t width = 20;
    std::size_t filled = done_ * width / total_;
    err_ << fmt::format("\r{:>8}/{} {:>3}% [{:#<{}}{:-<{}}] {:>6.0f} files/s  ETA {}:{:02}", done_, total_,
                        done_ * 100 / total_, "", filled, "", width - filled, rate, left / 60, left % 60)
         << std::flush;
    bar_shown_ = true;
}

void RunLog::clear_progress() {
    if (!bar_shown_) return;
    err_ << "\r\033[K" << std::flush;
    bar_shown_ = false;
}

}  // namespace dateline::indexer
