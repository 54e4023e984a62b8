// SPDX-License-Identifier: GPL-2.0-or-later
#include "shared/error.hpp"

#include <fmt/format.h>

namespace dateline {

int exit_status_for(ErrorKind kind) noexcept {
    switch (kind) {
    case ErrorKind::usage: return exit_status::usage;
    case ErrorKind::input: return exit_status::input;
    case ErrorKind::database:
    case ErrorKind::schema_mismatch: return exit_status::database;
    case ErrorKind::locked: return exit_status::locked;
    case ErrorKind::internal: break;
    }
    return exit_status::internal;
}

std::string format_error_line(std::string_view program, const Error& error) {
    if (error.hint().empty())
        return fmt::format("{}: error: {}", program, error.what());
    return fmt::format("{}: error: {} (hint: {})", program, error.what(), error.hint());
}

}  // namespace dateline
