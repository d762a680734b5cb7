// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "parsers/parseresult.h"
#include "parsers/toolresults.h"

#include <QByteArray>

namespace Promotion {

/*!
 * \brief Parses `pyright --outputjson`: {version, time, generalDiagnostics[{file, severity,
 * message, range{start{line, character}}, rule}], summary{filesAnalyzed, errorCount,
 * warningCount, informationCount}}.
 *
 * Pyright's positions are 0-based; the diagnostics report them 1-based. Severity
 * "information" becomes a note. The summary counts are kept in DiagnosticList::reported.
 */
class PyrightJsonParser final
{
public:
    static ParseResult<DiagnosticList> parse(const QByteArray &json);
};

} // namespace Promotion
