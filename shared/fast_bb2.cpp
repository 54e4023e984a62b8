// SPDX-License-Identifier: GPL-2.0-or-later
#include "shared/fast_bb2.hpp"

#include <bit>

namespace dateline::analysis {
namespace {

// A term matching fewer documents than this is weighed as it comes: a
// table would cost more to set up than it saves.
constexpr Xapian::doccount remember_from = 4096;
// One slot for about four postings, at most 16,384 (256 KB, within a core's
// L2 cache): a posting list of 100,000 news articles holds about 11,000
// distinct pairs for "the", 6,000 for "said".
constexpr unsigned most_slots_log2 = 14;

}  // namespace

FastBB2* FastBB2::clone() const { return new FastBB2(c_); }

double FastBB2::get_sumpart(Xapian::termcount wdf, Xapian::termcount length, Xapian::termcount unique) const {
    if (!sized_) {
        sized_ = true;
        if (get_termfreq() >= remember_from) {
            unsigned slots_log2 = std::min<unsigned>(std::bit_width(get_termfreq() / 4) - 1, most_slots_log2);
            remembered_.resize(std::size_t{1} << slots_log2);
            shift_ = 64 - slots_log2;
        }
    }
    if (remembered_.empty()) return Xapian::BB2Weight::get_sumpart(wdf, length, unique);
    const std::uint64_t key = (std::uint64_t{wdf} << 32) | length;
    Remembered& slot = remembered_[(key * 0x9E3779B97F4A7C15u) >> shift_];
    if (slot.key != key) slot = {key, Xapian::BB2Weight::get_sumpart(wdf, length, unique)};
    return slot.weight;
}

}  // namespace dateline::analysis
