// SPDX-License-Identifier: GPL-2.0-or-later
// The plain-Xapian floor: what anyone gets from Xapian's own tutorial in an
// afternoon. TermGenerator over title and body with positions and the English
// stemmer, QueryParser + BM25 defaults, the date and outlet in value slots, a
// ValueCountMatchSpy on the outlet slot, MSet::snippet over the stored body.
#include <xapian.h>

#include "scripts/measure/bench/engine.hpp"
#include "scripts/measure/corpus_files.hpp"

namespace dateline::bench {
namespace {

constexpr Xapian::valueno date_slot = 0, outlet_slot = 1;

class FloorXapian : public Engine {
public:
    explicit FloorXapian(const std::filesystem::path& db) : db_(db.string()), dates_(date_slot, "date:") {
        parser_.set_stemmer(Xapian::Stem("english"));
        parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        parser_.set_default_op(Xapian::Query::OP_AND);
        parser_.set_database(db_);
        parser_.add_rangeprocessor(&dates_);
    }

    std::size_t run(const BenchQuery& query, const Mode& mode) override {
        Xapian::Enquire enquire(db_);
        enquire.set_query(parser_.parse_query(query.text));
        Xapian::ValueCountMatchSpy outlets(outlet_slot);
        if (mode.facets) enquire.add_matchspy(&outlets);
        Xapian::MSet mset = enquire.get_mset(0, query.k, mode.facets ? db_.get_doccount() : 0);
        // Every hit's stored text is read, as showing a hit needs it.
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            std::string body = it.get_document().get_data();
            sink_ = sink_ + (mode.snippets ? mset.snippet(body, 200).size() : body.size());
        }
        return mset.get_matches_estimated();
    }

private:
    Xapian::Database db_;
    Xapian::QueryParser parser_;
    Xapian::RangeProcessor dates_;  // date:1987-03-01..1987-03-31 over ISO strings
    volatile std::size_t sink_ = 0;
};

}  // namespace

std::unique_ptr<Engine> open_floor_xapian(const std::filesystem::path& db) {
    return std::make_unique<FloorXapian>(db);
}

Indexed index_floor_xapian(const std::filesystem::path& corpus, const std::filesystem::path& db_path) {
    Xapian::WritableDatabase db(db_path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("english"));
    Indexed indexed;
    test::for_each_corpus_record(corpus, [&](const nlohmann::json& record) {
        std::string title = test::string_field(record, "title"), body = test::string_field(record, "text");
        indexed.text_bytes += title.size() + body.size();
        Xapian::Document document;
        generator.set_document(document);
        generator.index_text(title);
        generator.increase_termpos();
        generator.index_text(body);
        document.add_value(date_slot, test::string_field(record, "date").substr(0, 10));
        document.add_value(outlet_slot, test::string_field(record, "outlet"));
        document.set_data(body);
        db.add_document(document);
        ++indexed.documents;
        return true;
    });
    db.commit();
    return indexed;
}

}  // namespace dateline::bench
