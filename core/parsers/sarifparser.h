// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "parsers/parseresult.h"
#include "parsers/toolresults.h"

#include <QByteArray>

namespace Promotion {

/*!
 * \brief Parses SARIF 2.1.0 logs (secretlint's SARIF formatter, ruff, CodeQL, Semgrep...).
 *
 * Every runs[].results[] entry becomes a Diagnostic: ruleId (or the rule its ruleIndex
 * points to), level (else the rule's defaultConfiguration.level, else "warning", as the
 * spec says), message.text (or the rule message its id names), and the first location's
 * artifactLocation.uri (or the artifact its index points to) with region.startLine and
 * startColumn. Results of kind "pass" or "notApplicable" are not findings and are dropped;
 * results with an accepted suppression are kept but marked suppressed. A run without a
 * results array means, per the spec, that the tool did not produce results: that is an error.
 */
class SarifParser final
{
public:
    static ParseResult<DiagnosticList> parse(const QByteArray &json);
};

} // namespace Promotion
