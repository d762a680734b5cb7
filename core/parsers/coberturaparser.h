// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "parsers/parseresult.h"
#include "parsers/toolresults.h"

#include <QByteArray>

namespace Promotion {

/*!
 * \brief Parses Cobertura XML as coverage.py writes it (pytest --cov-report=xml, coverage xml).
 *
 * Totals come from the root counts (lines-valid, lines-covered, branches-valid,
 * branches-covered) when present, else from the <line> elements. The percentage is
 * coverage.py's (lines and branches together, see CoverageSummary), so it matches the TOTAL
 * that pytest-cov prints; line-rate is kept as lineRatePercent. Per-file figures come from
 * the <class> elements' <line> children (method lines repeat them and are skipped); classes
 * sharing a file are merged.
 */
class CoberturaParser final
{
public:
    static ParseResult<CoverageSummary> parse(const QByteArray &xml);
};

} // namespace Promotion
