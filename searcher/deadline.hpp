// SPDX-License-Identifier: GPL-2.0-or-later
// A time a search must finish by (dateline-serve's time per request): the
// counting matches check it as they go, and a search past it stops with a
// usage error that says so.
#pragma once

#include <chrono>

#include <xapian.h>

namespace dateline::searcher {

struct Deadline {
    std::chrono::steady_clock::time_point at;
    double seconds = 0;  // the time allowed, for the message

    static Deadline after(double seconds);
    // Throws Error (usage) once the time is past.
    void check() const;
};

// A spy that looks at the clock every so many matches and throws from
// Deadline::check(). Local databases only: Xapian's remote protocol cannot
// send it.
class DeadlineSpy : public Xapian::MatchSpy {
public:
    explicit DeadlineSpy(const Deadline& deadline) : deadline_(deadline) {}
    void operator()(const Xapian::Document&, double) override {
        if (++seen_ % 4096 == 0) deadline_.check();
    }

private:
    Deadline deadline_;
    unsigned seen_ = 0;
};

}  // namespace dateline::searcher
