// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/commands/extract_command.hpp"

#include <nlohmann/json.hpp>

#include "indexer/ingest/inputs.hpp"
#include "indexer/ingest/prepared_records.hpp"
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
    out["warnings"] = std::move(extracted.warnings);
    put_article_fields(out, article, {entities}, Unknown::as_null);
    return out;
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
    // The indexer's own reading half, with nothing indexed before: every
    // record extracted exactly as update would.
    const IndexedSources nothing_indexed;
    RecordPreparer preparer(inputs, nothing_indexed, options);
    while (std::optional<PreparedRecord> record = preparer.next()) {
        switch (record->kind) {
        case PreparedRecord::Kind::file_done: observer.file_done(); continue;
        case PreparedRecord::Kind::file_unreadable:
            problem(record->location, record->problem + "; skipped");
            ++report.skipped;
            continue;
        case PreparedRecord::Kind::unchanged: continue;  // nothing is indexed, so never
        case PreparedRecord::Kind::record: break;
        }
        ExtractedRecord& extracted = record->extracted;
        for (const std::string& warning : extracted.warnings) problem(record->location, warning);
        if (!extracted.article) {
            problem(record->location, extracted.problem + "; skipped");
            ++report.skipped;
            continue;
        }
        out << article_json(std::move(extracted)).dump(-1, ' ', false, json::error_handler_t::replace)
            << '\n';
        ++report.added;
    }
    return report;
}

}  // namespace dateline::indexer
