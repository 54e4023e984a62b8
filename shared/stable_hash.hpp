// SPDX-License-Identifier: GPL-2.0-or-later
// A 64-bit hash that is the same on every machine, compiler and run (FNV-1a),
// unlike std::hash: for ids and content hashes that are stored in databases.
#pragma once

#include <cstdint>
#include <string_view>

namespace dateline {

class StableHash {
public:
    StableHash& add(std::string_view bytes) {
        for (unsigned char byte : bytes) {
            value_ ^= byte;
            value_ *= 1099511628211ull;
        }
        return *this;
    }
    std::uint64_t value() const { return value_; }

private:
    std::uint64_t value_ = 14695981039346656037ull;
};

}  // namespace dateline
