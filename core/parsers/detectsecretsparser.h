// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "parsers/parseresult.h"
#include "parsers/toolresults.h"

#include <QByteArray>

namespace Promotion {

/*!
 * \brief Parses `detect-secrets scan` output (a baseline): {version, plugins_used,
 * filters_used, results: {"path": [{type, filename, hashed_secret, is_verified,
 * line_number, is_secret?}]}, generated_at}.
 *
 * Each potential secret is an error whose code is its type ("AWS Access Key"). An entry
 * audited as "is_secret": false is kept but marked suppressed; one with "is_verified": true
 * says so in its message. Files come in the order of the results object's keys (sorted).
 */
class DetectSecretsParser final
{
public:
    static ParseResult<DiagnosticList> parse(const QByteArray &json);
};

} // namespace Promotion
