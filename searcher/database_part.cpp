// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/database_part.hpp"

#include <algorithm>

namespace dateline::searcher {
namespace {

// Every document id of the part, as a posting list: Xapian calls init with
// each database searched (a clone for each), and only the part's own one
// yields anything. A filter, so its weight is zero.
class PartSource : public Xapian::PostingSource {
public:
    explicit PartSource(DatabasePart part) : part_(std::move(part)) {}

    PostingSource* clone() const override { return new PartSource(part_); }

    void init(const Xapian::Database& db) override {
        end_ = 0;
        if (db.get_uuid() == part_.uuid) end_ = std::min(part_.last, db.get_lastdocid());
        current_ = part_.first - 1;
        started_ = false;
        size_ = end_ >= part_.first ? (end_ - part_.first + 1) / std::max<Xapian::docid>(part_.stride, 1) : 0;
        set_maxweight(0);
    }

    // Every id of the range is given: the query beside it says which exist.
    Xapian::doccount get_termfreq_min() const override { return 0; }
    Xapian::doccount get_termfreq_est() const override { return size_; }
    Xapian::doccount get_termfreq_max() const override { return size_; }

    void next(double) override {
        if (!started_) started_ = true;
        current_ = sampled(current_ + 1);
    }

    void skip_to(Xapian::docid did, double) override {
        started_ = true;
        current_ = sampled(std::max({current_, did, part_.first}));
    }

    bool at_end() const override { return started_ && current_ > end_; }
    Xapian::docid get_docid() const override { return current_; }
    std::string get_description() const override { return "PartSource"; }

private:
    // The first id from did on that the sample keeps.
    Xapian::docid sampled(Xapian::docid did) const {
        if (part_.stride <= 1) return did;
        Xapian::docid block = (did - 1) / sample_block;
        if (block % part_.stride == 0) return did;
        Xapian::docid next = (block / part_.stride + 1) * part_.stride;  // the next kept block
        return next * sample_block + 1;
    }

    DatabasePart part_;
    Xapian::docid current_ = 0, end_ = 0;
    Xapian::doccount size_ = 0;
    bool started_ = false;
};

}  // namespace

Xapian::Query restrict_to(const Xapian::Query& query, const DatabasePart& part) {
    Xapian::Query filter((new PartSource(part))->release());
    return Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
}

}  // namespace dateline::searcher
