// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "parsers/parseresult.h"
#include "parsers/toolresults.h"

#include <QByteArray>

namespace Promotion {

/*!
 * \brief Parses coverage.py's JSON report (coverage json, pytest --cov-report=json).
 *
 * Needs "totals" with covered_lines, num_statements and percent_covered; the branch fields
 * (num_branches, covered_branches) are read when branch coverage was measured. percent is
 * totals.percent_covered, the same number pytest-cov prints on its TOTAL line. Per-file
 * figures come from "files".
 */
class CoverageJsonParser final
{
public:
    static ParseResult<CoverageSummary> parse(const QByteArray &json);
};

} // namespace Promotion
