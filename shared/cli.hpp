// SPDX-License-Identifier: GPL-2.0-or-later
// The one way the programs end: run the body of main, and turn whatever it
// throws into one line on stderr and the documented exit status; and the one
// way they answer --help and --version.
#pragma once

#include <exception>
#include <iostream>
#include <string_view>

#include <boost/program_options/errors.hpp>
#include <boost/program_options/options_description.hpp>
#include <boost/program_options/variables_map.hpp>
#include <fmt/format.h>

#include "shared/error.hpp"
#include "shared/version.hpp"

namespace dateline {

// body returns the exit status. Error -> its kind's status; a Boost option
// error -> usage, with usage_hint; anything else -> internal (a bug).
template <class Body>
int run_guarded(std::string_view program, std::string_view usage_hint, Body&& body) {
    try {
        return body();
    } catch (const Error& e) {
        std::cerr << format_error_line(program, e) << '\n';
        return exit_status_for(e.kind());
    } catch (const boost::program_options::error& e) {
        std::cerr << format_error_line(program, Error(ErrorKind::usage, e.what(), std::string(usage_hint)))
                  << '\n';
        return exit_status::usage;
    } catch (const std::exception& e) {
        std::cerr << fmt::format("{}: internal error: {}\n", program, e.what());
        return exit_status::internal;
    }
}

// When vm holds --help or --version: prints options (the help) or
// version_text(program), and true: the program then exits 0.
inline bool printed_help_or_version(const boost::program_options::variables_map& vm,
                                    const boost::program_options::options_description& options,
                                    std::string_view program) {
    if (vm.count("help")) std::cout << options << '\n';
    else if (vm.count("version")) std::cout << version_text(program);
    else return false;
    return true;
}

}  // namespace dateline
