// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/commands/extract_command.hpp"

#include <nlohmann/json.hpp>

#include "indexer/ingest/article_extraction.hpp"
#include "indexer/ingest/inputs.hpp"
#include "indexer/ingest/ordered_pool.hpp"
#include "indexer/ingest/record_runs.hpp"
#include "shared/document_codec.hpp"

namespace dateline::indexer {
namespace {

using json = nlohmann::ordered_json;

// Takes the record apart: its strings move into the JSON rather than being copied.
json article_json(ExtractedRecord&& extracted) {
    Article& article = *extracted.article;
    json out = json::object();
    using enum ArticleField;
    put_article_fields(out, std::move(article), {source, title, outlet, date, byline, dateline}, Unknown::as_null);
    out["credits"] = std::move(extracted.credits);
    put_article_fields(out, std::move(article), {url, text}, Unknown::as_null);
    out["removed"] = std::move(extracted.removed);
    out["warnings"] = extracted.warnings;
    put_article_fields(out, article, {entities}, Unknown::as_null);
    return out;
}

// One record as extract prints it: its JSON line, or why it is skipped.
struct Printed {
    std::string line;  // "" when skipped
    std::vector<std::string> warnings;
    std::string problem;
};

struct PrintedRun {
    Run run;
    std::vector<Printed> records;  // one per item; filled for records
};

PrintedRun print_run(Run& run, const Manifest& manifest, const IndexingOptions& options) {
    PrintedRun printed;
    printed.records.resize(run.items.size());
    for (std::size_t i = 0; i < run.items.size(); ++i) {
        if (run.items[i].kind != ReadItem::Kind::record) continue;
        ExtractedRecord extracted = extract_item(run.items[i], manifest, options);
        Printed& record = printed.records[i];
        record.warnings = extracted.warnings;
        record.problem = std::move(extracted.problem);
        if (extracted.article)
            record.line = article_json(std::move(extracted)).dump(-1, ' ', false, json::error_handler_t::replace) + '\n';
    }
    printed.run = std::move(run);
    return printed;
}

}  // namespace

IndexingReport extract_articles(const UpdateRequest& request, std::ostream& out, RunObserver& observer) {
    IndexingOptions options = indexing_options(request);
    Inputs inputs = gather_inputs(request.paths, request.manifests);
    IndexingReport report;
    auto problem = [&](std::string location, std::string message) {
        InputProblem p{std::move(location), std::move(message)};
        observer.problem(p);
        report.problems.push_back(std::move(p));
    };
    for (const InputProblem& p : inputs.problems) problem(p.location, p.reason);
    observer.started(inputs.files.size());
    // The indexer's own reading, with nothing indexed before: every record
    // extracted exactly as update would.
    const IndexedSources nothing_indexed;
    RecordRuns runs(inputs, nothing_indexed, options, {.records = 64, .bytes = 4'000'000});
    OrderedPool<Run, PrintedRun> pool([&] { return runs.next(); },
                                      [&](Run& run) { return print_run(run, inputs.manifest, options); },
                                      options.jobs, options.jobs * 4);
    while (std::optional<PrintedRun> printed = pool.next()) {
        for (std::size_t i = 0; i < printed->run.items.size(); ++i) {
            const ReadItem& item = printed->run.items[i];
            switch (item.kind) {
            case ReadItem::Kind::file_done: observer.file_done(); continue;
            case ReadItem::Kind::unreadable:
                problem(item.location, item.problem + "; skipped");
                ++report.skipped;
                continue;
            case ReadItem::Kind::warning: problem(item.location, item.problem); continue;
            case ReadItem::Kind::note: continue;
            case ReadItem::Kind::unchanged: continue;  // nothing is indexed, so never
            case ReadItem::Kind::record: break;
            }
            const Printed& record = printed->records[i];
            for (const std::string& warning : record.warnings) problem(item.location, warning);
            if (record.line.empty()) {
                problem(item.location, record.problem + "; skipped");
                ++report.skipped;
                continue;
            }
            out << record.line;
            ++report.added;
        }
    }
    return report;
}

}  // namespace dateline::indexer
