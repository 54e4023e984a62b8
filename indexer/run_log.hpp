// SPDX-License-Identifier: GPL-2.0-or-later
// How dateline-index talks while it works and when it is done: warnings and
// errors on stderr, one summary on stdout, a progress bar on stderr only when
// a person is watching (a terminal), as text or as JSON lines for log
// collectors. Under cron (no terminal) a clean run prints the summary alone.
#pragma once

#include <chrono>
#include <ostream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "indexer/write/run_observer.hpp"
#include "shared/error.hpp"

namespace dateline::indexer {

enum class LogFormat { text, json };
enum class Verbosity { quiet, normal, verbose };

struct LogOptions {
    LogFormat format = LogFormat::text;
    Verbosity verbosity = Verbosity::normal;  // quiet: no summary, no progress
    bool progress = false;                    // draw a progress bar on err
};

class RunLog : public RunObserver {
public:
    RunLog(LogOptions options, std::ostream& out, std::ostream& err);

    void started(std::size_t files) override;
    void file_done() override;
    void record_done(const std::string& key, FileOutcome outcome) override;
    void problem(const InputProblem& problem) override;
    void note(const InputProblem& what) override;
    void stage(const std::string& what) override;

    void error(const Error& error);
    // The one closing line; fields are its JSON form, text its text form.
    void summary(const std::string& text, const nlohmann::ordered_json& fields);

private:
    void draw_progress(bool force);
    void clear_progress();

    LogOptions options_;
    std::ostream& out_;
    std::ostream& err_;
    std::size_t total_ = 0, done_ = 0;
    std::chrono::steady_clock::time_point started_, drawn_;
    bool bar_shown_ = false;
};

}  // namespace dateline::indexer
