// SPDX-License-Identifier: GPL-2.0-or-later
// The frame of every measuring tool's main: the number of arguments checked
// against the usage, and an exception reported as one line.
#pragma once

#include <exception>
#include <iostream>
#include <string_view>

namespace dateline::measure {

// body() when argc - 1 lies in [min_args, max_args]; else the usage on stderr
// and 2. An exception from body is "TOOL: what" on stderr and 1, TOOL being
// the usage's first word.
template <class Body>
int run_tool(int argc, int min_args, int max_args, std::string_view usage, Body&& body) {
    std::string_view tool = usage.substr(0, usage.find(' '));
    if (argc - 1 < min_args || argc - 1 > max_args) {
        std::cerr << "usage: " << usage << '\n';
        return 2;
    }
    try {
        return body();
    } catch (const std::exception& error) {
        std::cerr << tool << ": " << error.what() << '\n';
        return 1;
    }
}

}  // namespace dateline::measure
