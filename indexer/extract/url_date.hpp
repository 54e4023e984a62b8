// SPDX-License-Identifier: GPL-2.0-or-later
// A publication date written into a page's address. Pure.
#pragma once

#include <optional>
#include <string_view>

#include "shared/dates.hpp"

namespace dateline::indexer {

// "/2019/11/19/", "/2019-11-19", "/20191119/", "-20191119" ending a slug
// (years 1990 to 2099), or nullopt.
std::optional<Date> date_in_url(std::string_view url);

}  // namespace dateline::indexer
