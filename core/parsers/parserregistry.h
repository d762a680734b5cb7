// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "parsers/tooloutcome.h"

#include <optional>
#include <QByteArray>
#include <QStringList>

namespace Promotion {

/*!
 * \brief Maps a policy's format id to its parser.
 *
 * Format ids: "junit", "cobertura", "coverage-json" (Tests/Coverage); "sarif", "ruff-json",
 * "pyright-json", "detect-secrets-json", "diagnostics-text" (Diagnostics); "exit-code".
 */
class ParserRegistry final
{
public:
    //! Every known format id, in the order above.
    static QStringList formats();
    static bool isKnownFormat(const QString &format);
    //! The kind of summary a format produces; nothing for an unknown id.
    static std::optional<ToolOutcome::Kind> kindOf(const QString &format);
    /*!
     * Parses \a output (a result file's bytes, or stdout) as \a format. \a exitCode and
     * \a crashed describe how the tool ended and are recorded in every outcome.
     */
    static ToolOutcome parse(const QString &format, const QByteArray &output, int exitCode = 0,
                             bool crashed = false);
};

} // namespace Promotion
