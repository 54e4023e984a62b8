// SPDX-License-Identifier: GPL-2.0-or-later
// The interactive shell: dateline-search with no query and a terminal on
// standard input. One Searcher held open; line editing and history by libedit.
#pragma once

#include "searcher/search_types.hpp"

namespace dateline::searcher {

// Reads queries and :commands until :quit or Ctrl-D; Ctrl-C drops the line
// being typed. History is kept in $XDG_STATE_HOME/dateline/history (or
// ~/.local/state/dateline/history). Returns the exit status (0).
int run_shell(const SearchRequest& defaults);

}  // namespace dateline::searcher
