// SPDX-License-Identifier: GPL-2.0-or-later
// The headers nearly every test file includes, compiled once a suite
// (meson's cpp_pch): with tests built at -O0, parsing these was about a
// quarter of each file's compile time (searcher_cli_test.cpp: 5.9 s, 4.6 s
// with them precompiled).
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <xapian.h>
