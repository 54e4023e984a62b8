// SPDX-License-Identifier: GPL-2.0-or-later
// What an indexing run tells whoever is watching while it works (a progress
// bar, a log), as opposed to the report it returns at the end.
#pragma once

#include <cstddef>
#include <string>

#include "indexer/indexing_report.hpp"

namespace dateline::indexer {

enum class FileOutcome { added, replaced, unchanged, skipped };

class RunObserver {
public:
    virtual ~RunObserver() = default;
    virtual void started(std::size_t /*files*/) {}
    virtual void file_done(const std::string& /*path*/, FileOutcome /*outcome*/) {}
    virtual void problem(const InputProblem& /*problem*/) {}
    virtual void committed(std::size_t /*documents_written*/) {}
};

}  // namespace dateline::indexer
