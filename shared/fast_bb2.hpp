// SPDX-License-Identifier: GPL-2.0-or-later
// Xapian's BB2 weighting with each term's weights remembered by (wdf,
// document length). BB2 takes three logarithms for every document a term
// matches, which made a scan of a common word's postings 1.7 times as slow
// as BM25's; but a weight depends only on those two numbers, and a long
// posting list holds a few thousand distinct pairs. The weights are Xapian's
// own, to the bit (a miss asks BB2Weight), and the scheme goes to a remote
// server as Xapian's "bb2": local and remote databases answer alike.
#pragma once

#include <cstdint>
#include <vector>

#include <xapian.h>

namespace dateline::analysis {

class FastBB2 : public Xapian::BB2Weight {
public:
    explicit FastBB2(double c) : Xapian::BB2Weight(c), c_(c) {}

    double get_sumpart(Xapian::termcount wdf, Xapian::termcount length, Xapian::termcount unique) const;

private:
    FastBB2* clone() const override;

    struct Remembered {
        std::uint64_t key = ~std::uint64_t{0};  // (wdf << 32) | length; no pair is all ones
        double weight = 0;
    };
    double c_;
    mutable bool sized_ = false;
    mutable unsigned shift_ = 0;
    mutable std::vector<Remembered> remembered_;  // empty for a term of few postings
};

}  // namespace dateline::analysis
