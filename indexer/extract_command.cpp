// SPDX-License-Identifier: GPL-2.0-or-later
#include "indexer/extract_command.hpp"

#include <nlohmann/json.hpp>

#include "indexer/inputs.hpp"
#include "indexer/prepared_records.hpp"
#include "shared/document_codec.hpp"

namespace dateline::indexer {
namespace {

using json = nlohmann::ordered_json;

json null_if_empty(const std::string& value) { return value.empty() ? json(nullptr) : json(value); }

// Takes the record apart: its strings move into the JSON rather than being copied.
json article_json(ExtractedRecord&& extracted) {
    Article& article = *extracted.article;
    json out = json::object();
    out["source"] = std::move(article.source);
    out["title"] = null_if_empty(article.title);
    out["outlet"] = null_if_empty(article.outlet);
    out["date"] = article.date ? json(format_iso_date(*article.date)) : json(nullptr);
    out["byline"] = std::move(article.byline);
    out["dateline"] = null_if_empty(article.dateline);
    out["credits"] = std::move(extracted.credits);
    out["url"] = null_if_empty(article.url);
    out["text"] = std::move(article.body);
    out["removed"] = std::move(extracted.removed);
    out["warnings"] = std::move(extracted.warnings);
    out["entities"] = entities_json(article.entities);
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
