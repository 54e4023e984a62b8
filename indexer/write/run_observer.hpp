// SPDX-License-Identifier: GPL-2.0-or-later
// What an indexing run tells whoever is watching while it works (a progress
// bar, a log), as opposed to the report it returns at the end.
#pragma once

#include <cstddef>
#include <string>

#include "indexer/write/indexing_report.hpp"

namespace dateline::indexer {

enum class FileOutcome { added, replaced, unchanged, skipped };

class RunObserver {
public:
    virtual ~RunObserver() = default;
    virtual void started(std::size_t /*files*/) {}
    // One input file finished (a JSON Lines file holds many records).
    virtual void file_done() {}
    // One article: key is its file, or "file#line" for a record of one.
    virtual void record_done(const std::string& /*key*/, FileOutcome /*outcome*/) {}
    virtual void problem(const InputProblem& /*problem*/) {}
    // Something done as it should be that a curious reader may want to know
    // ("read as UTF-16 LE"): not a problem, said in --verbose only.
    virtual void note(const InputProblem& /*what*/) {}
    virtual void committed(std::size_t /*documents_written*/) {}
    // A step of the run that takes a while of its own ("merging 100 runs").
    virtual void stage(const std::string& /*what*/) {}
};

// For callers with nobody watching.
class SilentObserver : public RunObserver {};

}  // namespace dateline::indexer
