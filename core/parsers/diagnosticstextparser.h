// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "parsers/parseresult.h"
#include "parsers/toolresults.h"

#include <QByteArray>

namespace Promotion {

/*!
 * \brief Parses `path:line[:col]: message` text, one finding per line: flake8's default
 * format (`path:line:col: CODE message`) and mypy's (`path:line[:col]: error: message
 * [code]`, with or without --show-column-numbers).
 *
 * mypy "note:" lines (hints attached to an error, reveal_type output) are not findings and
 * are dropped; "warning:" lines are warnings; everything else is an error. Blank lines and
 * the summary lines ("Found N errors in M files...", "Success: no issues found...", a lone
 * flake8 --count number) are skipped. Any other line is refused with its line number,
 * because a tool that printed something else (a crash, a usage message) must not pass as
 * "no findings". ANSI colour codes are stripped; CRLF is accepted. Empty input is a clean run.
 */
class DiagnosticsTextParser final
{
public:
    static ParseResult<DiagnosticList> parse(const QByteArray &text);
};

} // namespace Promotion
