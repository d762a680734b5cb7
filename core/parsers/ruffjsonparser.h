// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "parsers/parseresult.h"
#include "parsers/toolresults.h"

#include <QByteArray>

namespace Promotion {

/*!
 * \brief Parses `ruff check --output-format=json`: an array of {code, message, filename,
 * location{row, column}, end_location, fix, url, noqa_row, cell}.
 *
 * Ruff has no severities: every entry is an error. code is null for syntax errors (the
 * diagnostic keeps an empty code) and filename/location may be null in preview mode.
 * Rows and columns are already 1-based.
 */
class RuffJsonParser final
{
public:
    static ParseResult<DiagnosticList> parse(const QByteArray &json);
};

} // namespace Promotion
