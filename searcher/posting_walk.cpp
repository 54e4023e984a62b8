// SPDX-License-Identifier: GPL-2.0-or-later
#include "searcher/posting_walk.hpp"

#include <memory>

namespace dateline::searcher {
namespace {

// A stream of document ids: at(did) is the first id from did on, or 0 when
// there is none. Ids only move forward: did never goes back between calls.
class Stream {
public:
    virtual ~Stream() = default;
    virtual Xapian::docid at(Xapian::docid did) = 0;
};

using Streams = std::vector<std::unique_ptr<Stream>>;

class Postings : public Stream {
public:
    Postings(const Xapian::Database& db, const std::string& term)
        : it_(db.postlist_begin(term)), end_(db.postlist_end(term)) {}
    Xapian::docid at(Xapian::docid did) override {
        if (it_ == end_) return 0;
        if (*it_ < did) it_.skip_to(did);
        return it_ == end_ ? 0 : *it_;
    }

private:
    Xapian::PostingIterator it_, end_;
};

class Nothing : public Stream {
public:
    Xapian::docid at(Xapian::docid) override { return 0; }
};

// Every stream has it.
class All : public Stream {
public:
    explicit All(Streams streams) : streams_(std::move(streams)) {}
    Xapian::docid at(Xapian::docid did) override {
        for (;;) {
            bool agreed = true;
            for (auto& stream : streams_) {
                Xapian::docid next = stream->at(did);
                if (next == 0) return 0;
                if (next != did) {
                    did = next;
                    agreed = false;
                }
            }
            if (agreed) return did;
        }
    }

private:
    Streams streams_;
};

// Any stream has it.
class Any : public Stream {
public:
    explicit Any(Streams streams) : streams_(std::move(streams)) {}
    Xapian::docid at(Xapian::docid did) override {
        Xapian::docid first = 0;
        for (auto& stream : streams_) {
            Xapian::docid next = stream->at(did);
            if (next != 0 && (first == 0 || next < first)) first = next;
        }
        return first;
    }

private:
    Streams streams_;
};

// The first has it and the second does not.
class Without : public Stream {
public:
    Without(std::unique_ptr<Stream> kept, std::unique_ptr<Stream> left_out)
        : kept_(std::move(kept)), left_out_(std::move(left_out)) {}
    Xapian::docid at(Xapian::docid did) override {
        for (Xapian::docid next = kept_->at(did); next != 0; next = kept_->at(next + 1))
            if (left_out_->at(next) != next) return next;
        return 0;
    }

private:
    std::unique_ptr<Stream> kept_, left_out_;
};

// The stream of query, or null when it has a part that is not walked.
std::unique_ptr<Stream> stream_of(const Xapian::Database& db, const Xapian::Query& query) {
    const std::size_t n = query.get_num_subqueries();
    Streams children;
    auto read_children = [&](std::size_t count) {
        for (std::size_t i = 0; i < count; ++i) {
            auto child = stream_of(db, query.get_subquery(i));
            if (!child) return false;
            children.push_back(std::move(child));
        }
        return true;
    };
    switch (query.get_type()) {
    case Xapian::Query::LEAF_TERM:
        return std::make_unique<Postings>(db, *query.get_terms_begin());
    case Xapian::Query::LEAF_MATCH_ALL:
        return std::make_unique<Postings>(db, std::string());
    case Xapian::Query::LEAF_MATCH_NOTHING:
        return std::make_unique<Nothing>();
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_FILTER:
        if (!read_children(n)) return nullptr;
        return std::make_unique<All>(std::move(children));
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX:
        if (!read_children(n)) return nullptr;
        return std::make_unique<Any>(std::move(children));
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_SCALE_WEIGHT:
        // What the first matches: the others only weigh.
        if (n == 0 || !read_children(1)) return nullptr;
        return std::move(children.front());
    case Xapian::Query::OP_AND_NOT: {
        if (n < 2 || !read_children(n)) return nullptr;
        auto kept = std::move(children.front());
        Streams left_out;
        for (std::size_t i = 1; i < children.size(); ++i) left_out.push_back(std::move(children[i]));
        return std::make_unique<Without>(std::move(kept), std::make_unique<Any>(std::move(left_out)));
    }
    default:
        return nullptr;
    }
}

}  // namespace

std::optional<std::vector<Xapian::docid>> walk_matches(const Xapian::Database& db, const Xapian::Query& query,
                                                      Xapian::docid first, Xapian::docid last) {
    std::unique_ptr<Stream> stream = stream_of(db, query);
    if (!stream) return std::nullopt;
    std::vector<Xapian::docid> ids;
    for (Xapian::docid did = stream->at(std::max<Xapian::docid>(first, 1)); did != 0 && did <= last;
         did = did == Xapian::docid(-1) ? 0 : stream->at(did + 1))
        ids.push_back(did);
    return ids;
}

}  // namespace dateline::searcher
