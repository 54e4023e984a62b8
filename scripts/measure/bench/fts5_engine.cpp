// SPDX-License-Identifier: GPL-2.0-or-later
// The SQLite FTS5 floor: one FTS5 table (porter + unicode61 tokenizer) over
// title and body, the date and outlet as unindexed columns; bm25() ranking,
// snippet() for each hit, GROUP BY for exact outlet and month counts.
#include <cstdint>
#include <stdexcept>

#include <fmt/format.h>
#include <sqlite3.h>

#include "scripts/measure/bench/engine.hpp"
#include "scripts/measure/corpus_files.hpp"

namespace dateline::bench {
namespace {

class Connection {
public:
    explicit Connection(const std::filesystem::path& path, int flags) {
        if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK)
            throw std::runtime_error(fmt::format("sqlite: {}: {}", path.string(), sqlite3_errmsg(db_)));
    }
    ~Connection() { sqlite3_close(db_); }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    void exec(const char* sql) {
        if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail(sql);
    }
    sqlite3_stmt* prepare(const char* sql) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr) != SQLITE_OK) fail(sql);
        return statement;
    }
    [[noreturn]] void fail(const char* sql) {
        throw std::runtime_error(fmt::format("sqlite: {}: {}", sql, sqlite3_errmsg(db_)));
    }

private:
    sqlite3* db_ = nullptr;
};

// A prepared statement, reset and rebound for each use.
class Statement {
public:
    Statement(Connection& connection, const char* sql) : statement_(connection.prepare(sql)) {}
    ~Statement() { sqlite3_finalize(statement_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, const std::string& text) {
        sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement& bind(int index, std::int64_t number) {
        sqlite3_bind_int64(statement_, index, number);
        return *this;
    }
    bool step() {
        int status = sqlite3_step(statement_);
        if (status == SQLITE_ROW) return true;
        if (status != SQLITE_DONE)
            throw std::runtime_error(fmt::format("sqlite: {}", sqlite3_errmsg(sqlite3_db_handle(statement_))));
        return false;
    }
    void reset() {
        sqlite3_reset(statement_);
        sqlite3_clear_bindings(statement_);
    }
    std::size_t column_bytes(int column) { return static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)); }
    std::size_t column_count(int column) { return static_cast<std::size_t>(sqlite3_column_int64(statement_, column)); }

private:
    sqlite3_stmt* statement_;
};

// Each statement takes the FTS5 query, then the first and last date (the
// whole range when the query has no date filter).
constexpr const char* top_sql =
    "SELECT title, date, outlet FROM docs WHERE docs MATCH ?1 AND date BETWEEN ?2 AND ?3 ORDER BY rank LIMIT ?4";
constexpr const char* top_snippet_sql =
    "SELECT snippet(docs, 1, '[', ']', '…', 24), title, date, outlet FROM docs WHERE docs MATCH ?1 AND date BETWEEN ?2 AND ?3 "
    "ORDER BY rank LIMIT ?4";
constexpr const char* outlet_sql =
    "SELECT outlet, count(*) FROM docs WHERE docs MATCH ?1 AND date BETWEEN ?2 AND ?3 GROUP BY outlet";
constexpr const char* month_sql =
    "SELECT substr(date, 1, 7), count(*) FROM docs WHERE docs MATCH ?1 AND date BETWEEN ?2 AND ?3 GROUP BY 1";
constexpr const char* count_sql = "SELECT count(*) FROM docs WHERE docs MATCH ?1 AND date BETWEEN ?2 AND ?3";

class Fts5 : public Engine {
public:
    explicit Fts5(const std::filesystem::path& db)
        : connection_(db, SQLITE_OPEN_READONLY), top_(connection_, top_sql),
          top_snippet_(connection_, top_snippet_sql), outlets_(connection_, outlet_sql),
          months_(connection_, month_sql), count_(connection_, count_sql) {}

    std::size_t run(const BenchQuery& query, const Mode& mode) override {
        SplitQuery split = split_date_filter(query.text);
        std::string first = split.dates ? split.dates->first : "", last = split.dates ? split.dates->second : "~";
        Statement& top = mode.snippets ? top_snippet_ : top_;
        top.bind(1, split.words).bind(2, first).bind(3, last).bind(4, std::int64_t{query.k});
        while (top.step()) sink_ = sink_ + top.column_bytes(0);
        top.reset();
        std::size_t matches = 0;
        if (mode.facets) {
            // Exact counts over every match: one pass per facet, as a user of
            // FTS5 would write it; the outlet counts sum to the total.
            matches = count_groups(outlets_, split.words, first, last);
            sink_ = sink_ + count_groups(months_, split.words, first, last);
        } else {
            count_.bind(1, split.words).bind(2, first).bind(3, last);
            if (count_.step()) matches = count_.column_count(0);
            count_.reset();
        }
        return matches;
    }

private:
    // Runs a GROUP BY statement; returns the sum of its counts.
    static std::size_t count_groups(Statement& facet, const std::string& words, const std::string& first,
                                    const std::string& last) {
        facet.bind(1, words).bind(2, first).bind(3, last);
        std::size_t sum = 0;
        while (facet.step()) sum += facet.column_count(1);
        facet.reset();
        return sum;
    }

    Connection connection_;
    Statement top_, top_snippet_, outlets_, months_, count_;
    volatile std::size_t sink_ = 0;
};

}  // namespace

std::unique_ptr<Engine> open_fts5(const std::filesystem::path& db) { return std::make_unique<Fts5>(db); }

Indexed index_fts5(const std::filesystem::path& corpus, const std::filesystem::path& db_path) {
    std::filesystem::remove(db_path);
    Connection connection(db_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    connection.exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
    connection.exec("CREATE VIRTUAL TABLE docs USING fts5(title, body, date UNINDEXED, outlet UNINDEXED, "
                    "tokenize='porter unicode61')");
    connection.exec("BEGIN");
    Statement insert(connection, "INSERT INTO docs(title, body, date, outlet) VALUES (?1, ?2, ?3, ?4)");
    Indexed indexed;
    test::for_each_corpus_record(corpus, [&](const nlohmann::json& record) {
        std::string title = test::string_field(record, "title"), body = test::string_field(record, "text");
        indexed.text_bytes += title.size() + body.size();
        insert.bind(1, title)
            .bind(2, body)
            .bind(3, test::string_field(record, "date").substr(0, 10))
            .bind(4, test::string_field(record, "outlet"));
        insert.step();
        insert.reset();
        ++indexed.documents;
        return true;
    });
    connection.exec("COMMIT");
    connection.exec("INSERT INTO docs(docs) VALUES('optimize')");
    return indexed;
}

}  // namespace dateline::bench
