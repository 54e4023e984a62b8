// SPDX-License-Identifier: GPL-2.0-or-later
// The one exception type of Dateline: what went wrong (with its context, such as
// a file and line) and, where there is one, what the user can do about it.
#pragma once

#include <stdexcept>
#include <string>

namespace dateline {

enum class ErrorKind {
    usage,            // the command line or query is wrong
    input,            // an input file or path cannot be used
    database,         // the database cannot be opened, read or written
    locked,           // another process is writing the database
    schema_mismatch,  // the database was built by an incompatible version
    internal,         // a bug
};

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const std::string& message, std::string hint = {})
        : std::runtime_error(message), kind_(kind), hint_(std::move(hint)) {}

    ErrorKind kind() const noexcept { return kind_; }
    const std::string& hint() const noexcept { return hint_; }

private:
    ErrorKind kind_;
    std::string hint_;
};

// Exit statuses shared by both programs (documented in README.md). Status 1 is
// each program's own "it worked, but": no hits for the searcher, some inputs
// skipped for the indexer.
namespace exit_status {
inline constexpr int ok = 0;
inline constexpr int partial = 1;
inline constexpr int usage = 2;
inline constexpr int database = 3;
inline constexpr int input = 4;
inline constexpr int locked = 5;
inline constexpr int internal = 70;
}  // namespace exit_status

int exit_status_for(ErrorKind kind) noexcept;

// One line for stderr: "PROGRAM: error: MESSAGE (hint: HINT)".
std::string format_error_line(std::string_view program, const Error& error);

}  // namespace dateline
